using System.Runtime.InteropServices;
using System.Text;

namespace Switchboard.Benchmarks.Dtmf;

/// <summary>spandsp's DTMF receiver (Debian's libspandsp2), called through P/Invoke for side-by-side comparison.</summary>
internal sealed partial class SpandspDtmfDetector : IDisposable
{
    private const string Library = "libspandsp.so.2";
    private readonly IntPtr _state = dtmf_rx_init(IntPtr.Zero, IntPtr.Zero, IntPtr.Zero);
    private readonly StringBuilder _digits = new();
    private readonly byte[] _buffer = new byte[129];

    /// <summary>Feeds samples; collects the digits spandsp reports.</summary>
    public void Process(ReadOnlySpan<short> samples)
    {
        const int Chunk = 160;
        for (var offset = 0; offset < samples.Length; offset += Chunk)
        {
            var piece = samples.Slice(offset, Math.Min(Chunk, samples.Length - offset));
            _ = dtmf_rx(_state, piece, piece.Length);
            var count = (int)dtmf_rx_get(_state, _buffer, 128);
            _digits.Append(Encoding.ASCII.GetString(_buffer, 0, count));
        }
    }

    public string Digits => _digits.ToString();

    public void Dispose() => _ = dtmf_rx_free(_state);

    public static string Detect(short[] signal)
    {
        using var detector = new SpandspDtmfDetector();
        detector.Process(signal);
        detector.Process(new short[800]);
        return detector.Digits;
    }

    [LibraryImport(Library)]
    private static partial IntPtr dtmf_rx_init(IntPtr state, IntPtr callback, IntPtr userData);

    [LibraryImport(Library)]
    private static partial int dtmf_rx(IntPtr state, ReadOnlySpan<short> amp, int samples);

    [LibraryImport(Library)]
    private static partial nuint dtmf_rx_get(IntPtr state, byte[] digits, int max);

    [LibraryImport(Library)]
    private static partial int dtmf_rx_free(IntPtr state);
}
