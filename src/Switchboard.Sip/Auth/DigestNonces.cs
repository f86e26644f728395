using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Switchboard.Sip.Auth;

/// <summary>
/// The server's nonces: each holds its issue time and a sequence number, signed with a key of this process (HMAC-SHA-256), so
/// issuing one costs no memory and a forged or altered one is recognised. Only nonces that signed a valid request are tracked,
/// with the last nonce count seen, so a repeated count is a replay. The table is bounded; when full it is emptied, and every
/// nonce issued before is then treated as stale.
/// </summary>
internal sealed class DigestNonces(TimeProvider time, TimeSpan lifetime, int capacity)
{
    private const int MacLength = 16;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly Dictionary<string, uint> _lastCount = [];
    private long _sequence;
    private long _staleUpTo;

    /// <summary>How a nonce stands.</summary>
    public enum State
    {
        /// <summary>Issued here and not expired.</summary>
        Fresh,

        /// <summary>Issued here but expired, or issued before the table was emptied.</summary>
        Stale,

        /// <summary>Not issued here.</summary>
        Unknown,
    }

    /// <summary>How many nonces are tracked now.</summary>
    public int Tracked
    {
        get
        {
            lock (_lastCount)
            {
                return _lastCount.Count;
            }
        }
    }

    /// <summary>A new nonce.</summary>
    public string Issue()
    {
        Span<byte> nonce = stackalloc byte[16 + MacLength];
        BinaryPrimitives.WriteInt64BigEndian(nonce, time.GetUtcNow().UtcTicks);
        BinaryPrimitives.WriteInt64BigEndian(nonce[8..], Interlocked.Increment(ref _sequence));
        HMACSHA256.HashData(_key, nonce[..16])[..MacLength].CopyTo(nonce[16..]);
        return Convert.ToBase64String(nonce).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Whether <paramref name="nonce"/> was issued here, and whether it may still be used.</summary>
    public State Check(string nonce)
    {
        if (!TryRead(nonce, out var issued, out var sequence))
        {
            return State.Unknown;
        }

        var expired = time.GetUtcNow().UtcTicks - issued > lifetime.Ticks;
        return expired || sequence <= Interlocked.Read(ref _staleUpTo) ? State.Stale : State.Fresh;
    }

    /// <summary>Records that <paramref name="nonce"/> signed a request with <paramref name="count"/>; false when that count was already used (a replay).</summary>
    public bool Use(string nonce, uint count)
    {
        lock (_lastCount)
        {
            if (_lastCount.TryGetValue(nonce, out var last) && count <= last)
            {
                return false;
            }

            if (!_lastCount.ContainsKey(nonce) && _lastCount.Count >= capacity)
            {
                ForgetExpired();
                if (_lastCount.Count >= capacity)
                {
                    _lastCount.Clear();
                    Interlocked.Exchange(ref _staleUpTo, Interlocked.Read(ref _sequence));
                    return false;
                }
            }

            _lastCount[nonce] = count;
            return true;
        }
    }

    private void ForgetExpired()
    {
        foreach (var nonce in _lastCount.Keys.ToList())
        {
            if (Check(nonce) != State.Fresh)
            {
                _lastCount.Remove(nonce);
            }
        }
    }

    private bool TryRead(string nonce, out long issued, out long sequence)
    {
        issued = 0;
        sequence = 0;
        Span<byte> bytes = stackalloc byte[16 + MacLength + 2];
        var text = nonce.Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        if (!Convert.TryFromBase64String(text, bytes, out var written) || written != 16 + MacLength)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(_key, bytes[..16]).AsSpan(0, MacLength);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.Slice(16, MacLength)))
        {
            return false;
        }

        issued = BinaryPrimitives.ReadInt64BigEndian(bytes);
        sequence = BinaryPrimitives.ReadInt64BigEndian(bytes[8..]);
        return true;
    }
}
