namespace MecCompliance.Cli.Tests;

/// <summary>Paths in this repository, found from the test assembly's folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MecCompliance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MecCompliance.sln not found above " + AppContext.BaseDirectory);
    }
}
