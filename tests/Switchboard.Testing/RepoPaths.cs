namespace Switchboard.Testing;

/// <summary>Finds the repository and the shared test data from wherever the test runner starts.</summary>
public static class RepoPaths
{
    /// <summary>The repository root: <c>SWITCHBOARD_ROOT</c> if set (test.sh sets it), else the folder holding Switchboard.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The project's shared folder, which sits beside the repository (<c>../shared</c>).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>True when CI demands the shared test data instead of letting tests skip without it.</summary>
    public static bool SharedTestDataRequired =>
        Environment.GetEnvironmentVariable("SWITCHBOARD_REQUIRE_TESTDATA") == "1";

    /// <summary>A path inside the repository.</summary>
    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SWITCHBOARD_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Switchboard.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (no Switchboard.slnx above the test binaries).");
    }
}
