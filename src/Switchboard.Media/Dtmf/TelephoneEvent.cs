using System.Buffers.Binary;

namespace Switchboard.Media.Dtmf;

/// <summary>The 4-byte RFC 4733 telephone-event payload: event code, end bit, volume and duration so far.</summary>
/// <param name="Code">The event code (0–15 for DTMF keys).</param>
/// <param name="End">Set on the packets that close the event.</param>
/// <param name="Volume">Power level in −dBm0 (0–63).</param>
/// <param name="Duration">Duration so far in timestamp units (samples at 8 kHz).</param>
public readonly record struct TelephoneEvent(byte Code, bool End, byte Volume, ushort Duration)
{
    /// <summary>The payload size.</summary>
    public const int Size = 4;

    /// <summary>Reads a payload; returns null, or why it is not a telephone event.</summary>
    public static string? TryRead(ReadOnlySpan<byte> payload, out TelephoneEvent value)
    {
        value = default;
        if (payload.Length < Size)
        {
            return $"a telephone-event payload needs {Size} bytes, got {payload.Length}";
        }

        value = new TelephoneEvent(payload[0], (payload[1] & 0x80) != 0, (byte)(payload[1] & 0x3F), BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return null;
    }

    /// <summary>Writes the payload into the first four bytes of <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination)
    {
        destination[0] = Code;
        destination[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
    }
}
