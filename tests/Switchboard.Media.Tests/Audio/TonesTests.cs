using Switchboard.Media.Audio;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Tests.Dtmf;

namespace Switchboard.Media.Tests.Audio;

public class TonesTests
{
    [Fact]
    public void Every_generated_key_is_heard_as_that_key()
    {
        var signal = DtmfDigits.Keypad.SelectMany(k => Tones.Dtmf(k, TimeSpan.FromMilliseconds(60)).Concat(Tones.Silence(TimeSpan.FromMilliseconds(60)))).ToArray();

        Assert.Equal(DtmfDigits.Keypad, DtmfDetectorTests.Detect(signal));
    }

    [Fact]
    public void A_0_dbm0_sine_has_the_g711_reference_power()
    {
        var sine = Tones.Sines(TimeSpan.FromSeconds(1), (1004, 0));

        var power = sine.Average(s => (double)s * s);

        Assert.Equal(8000, sine.Length);
        Assert.InRange(10 * Math.Log10(power / DtmfSignals.Power(0)), -0.05, 0.05);
    }

    [Fact]
    public void Lower_case_keys_work_and_others_are_refused()
    {
        Assert.Equal(Tones.Dtmf('D', TimeSpan.FromMilliseconds(10)), Tones.Dtmf('d', TimeSpan.FromMilliseconds(10)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tones.Dtmf('x', TimeSpan.FromMilliseconds(10)));
    }
}
