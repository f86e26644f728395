using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Rtp;

public class NtpTimeTests
{
    [Fact]
    public void Timestamps_count_seconds_since_1900_with_a_binary_fraction()
    {
        // 1 January 1970 is 2,208,988,800 s after the NTP epoch; half a second is 2^31 in the fraction.
        var unixEpochAndAHalf = new DateTime(1970, 1, 1, 0, 0, 0, 500, DateTimeKind.Utc);

        Assert.Equal((2_208_988_800UL << 32) | 0x8000_0000UL, NtpTime.From(unixEpochAndAHalf));
    }
}
