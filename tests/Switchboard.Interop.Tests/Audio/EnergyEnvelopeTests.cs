using Switchboard.Testing;

namespace Switchboard.Interop.Tests.Audio;

/// <summary>The envelope comparison the prompt test relies on, on synthetic audio whose answer is known.</summary>
[Trait("Category", Categories.Interop)]
public sealed class EnergyEnvelopeTests
{
    [Fact]
    public void A_burst_pattern_is_found_where_it_was_placed_inside_longer_audio_at_another_level()
    {
        var pattern = Bursts([3, 1, 5, 2, 4, 1, 1, 6], 8000);
        var audio = new short[EnergyEnvelope.FrameSamples * 50];
        var placed = Bursts([3, 1, 5, 2, 4, 1, 1, 6], 2000); // a quarter of the level: correlation does not care
        placed.CopyTo(audio, EnergyEnvelope.FrameSamples * 17);

        var (frame, correlation) = new EnergyEnvelope(audio).BestMatch(new EnergyEnvelope(pattern));

        Assert.Equal(17, frame);
        Assert.True(correlation > 0.99, $"correlation {correlation}");
    }

    [Fact]
    public void Another_pattern_and_silence_do_not_match()
    {
        var heard = new EnergyEnvelope(Bursts([3, 1, 5, 2, 4, 1, 1, 6], 8000));

        Assert.True(heard.BestMatch(new EnergyEnvelope(Bursts([1, 4, 1, 1, 5, 2, 6, 3], 8000))).Correlation < 0.5);
        Assert.Equal(0, heard.BestMatch(new EnergyEnvelope(new short[EnergyEnvelope.FrameSamples * 8])).Correlation);
    }

    [Fact]
    public void A_pattern_longer_than_the_audio_matches_nowhere()
    {
        var (frame, correlation) = new EnergyEnvelope(new short[EnergyEnvelope.FrameSamples * 4]).BestMatch(new EnergyEnvelope(Bursts([1, 2, 3, 4, 5], 8000)));

        Assert.Equal((-1, 0.0), (frame, correlation));
    }

    /// <summary>Two frames of a 1 kHz tone per entry, at that multiple of <paramref name="amplitude"/> / 6, one entry after another.</summary>
    private static short[] Bursts(int[] levels, int amplitude)
    {
        var samples = new short[levels.Length * 2 * EnergyEnvelope.FrameSamples];
        for (var i = 0; i < samples.Length; i++)
        {
            var level = levels[i / (2 * EnergyEnvelope.FrameSamples)];
            samples[i] = (short)(amplitude * level / 6.0 * Math.Sin(2 * Math.PI * 1000 * i / 8000));
        }

        return samples;
    }
}
