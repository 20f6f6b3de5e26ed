using System.Diagnostics;

namespace MecCompliance.Benchmarks.Measurement;

/// <summary>The measuring steps both benchmarks share (the generated corpus and the real-code harness's --paired).</summary>
internal static class Meter
{
    /// <summary>Processor time of this process so far, every thread (the server GC's included), in milliseconds.</summary>
    public static double ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    /// <summary>Collects now, so that a collection left over from the previous step is not charged to the next one.</summary>
    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
