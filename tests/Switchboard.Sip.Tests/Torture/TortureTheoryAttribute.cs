using Switchboard.Testing;

namespace Switchboard.Sip.Tests.Torture;

/// <summary>A theory over the RFC 4475 files that is skipped, with the reason shown, only when the shared folder is absent and CI does not demand it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TortureTheoryAttribute : TheoryAttribute
{
    public TortureTheoryAttribute()
    {
        if (!Directory.Exists(TortureMessages.Folder) && !RepoPaths.SharedTestDataRequired)
        {
            Skip = $"The RFC 4475 messages are not at {TortureMessages.Folder} (set SWITCHBOARD_REQUIRE_TESTDATA=1 to make this a failure).";
        }
    }
}
