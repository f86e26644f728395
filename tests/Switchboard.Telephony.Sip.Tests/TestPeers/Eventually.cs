namespace Switchboard.Telephony.Sip.Tests.TestPeers;

/// <summary>Waits for a condition that other threads make true, without timing it: polls until it holds or ten seconds pass.</summary>
internal static class Eventually
{
    public static async Task Holds(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(10);
        }
    }
}
