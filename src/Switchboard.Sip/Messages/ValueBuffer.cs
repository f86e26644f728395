using System.Buffers;

namespace Switchboard.Sip.Messages;

/// <summary>Room to read header values into without making strings of them: a stack buffer, or a rented array for a long value.</summary>
internal ref struct ValueBuffer(Span<char> stack)
{
    private readonly Span<char> _stack = stack;
    private char[]? _rented;

    /// <summary>The text of <paramref name="header"/>'s value, valid until the next read.</summary>
    public ReadOnlySpan<char> Read(SipHeader header)
    {
        var length = header.MaxValueLength;
        if (length <= _stack.Length)
        {
            return header.ReadValue(_stack);
        }

        if (_rented is null || _rented.Length < length)
        {
            Dispose();
            _rented = ArrayPool<char>.Shared.Rent(length);
        }

        return header.ReadValue(_rented);
    }

    /// <summary>Gives the rented array back.</summary>
    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
