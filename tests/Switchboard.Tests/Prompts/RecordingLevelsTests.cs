using Switchboard.Prompts;

namespace Switchboard.Tests.Prompts;

public sealed class RecordingLevelsTests
{
    [Theory]
    [InlineData(new short[] { 0, 100, -200, 50 }, 200)]
    [InlineData(new short[] { short.MinValue }, 32768)]
    [InlineData(new short[0], 0)]
    public void Peak_is_the_largest_absolute_sample(short[] samples, int peak) => Assert.Equal(peak, RecordingLevels.Peak(samples));

    [Fact]
    public void Peak_in_dBFS_is_0_at_full_scale_and_minus_infinity_for_digital_silence()
    {
        Assert.Equal(0, RecordingLevels.PeakDbfs([short.MaxValue]), 3);
        Assert.Equal(-6.02, RecordingLevels.PeakDbfs([16384]), 2);
        Assert.True(double.IsNegativeInfinity(RecordingLevels.PeakDbfs([0, 0])));
    }

    [Theory]
    [InlineData(new short[] { 32767, 32767, 32767, 0, -32768, -32768, -32768, -32767, 0, 32767, 32767 }, 1, 2)]
    [InlineData(new short[] { 32767, 0, 32767, 0, 32767 }, 1, 0)]
    [InlineData(new short[] { 32767, 32767, 0, 32767 }, 1, 0)]
    // Interleaved stereo: full scale on the left only, three frames in a row, is one spot; alternating channels are none.
    [InlineData(new short[] { 32767, 0, 32767, 0, 32767, 0 }, 2, 1)]
    [InlineData(new short[] { 32767, 32767, 0, 0, 32767, 32767 }, 2, 0)]
    public void Clipped_spots_need_three_full_scale_samples_in_a_row_on_one_channel(short[] samples, int channels, int spots) =>
        Assert.Equal(spots, RecordingLevels.ClippedSpots(samples, channels));
}
