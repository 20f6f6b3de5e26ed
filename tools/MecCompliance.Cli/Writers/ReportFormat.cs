using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Writers;

internal enum ReportFormat
{
    Markdown,
    Json,
    Sarif,
    Html,
    CycloneDx,
    Fides,
}

internal static class ReportWriters
{
    public static void Write(DataMap map, ReportFormat format, TextWriter output)
    {
        switch (format)
        {
            case ReportFormat.Json:
                JsonReportWriter.Write(map, output);
                break;
            case ReportFormat.Sarif:
                SarifReportWriter.Write(map, output);
                break;
            case ReportFormat.Html:
                HtmlReportWriter.Write(map, output);
                break;
            case ReportFormat.CycloneDx:
                CycloneDxReportWriter.Write(map, output);
                break;
            case ReportFormat.Fides:
                FidesReportWriter.Write(map, output);
                break;
            default:
                MarkdownReportWriter.Write(map, output);
                break;
        }
    }
}
