using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Messages;

/// <summary>A host (name, IPv4 or bracketed IPv6 address) with an optional port, as in a SIP URI or a Via sent-by.</summary>
/// <param name="Host">The host; IPv6 addresses are kept without brackets.</param>
/// <param name="Port">The port, or null when none was written.</param>
public readonly record struct HostPort(string Host, int? Port)
{
    /// <summary>True when <see cref="Host"/> is an IPv6 address.</summary>
    public bool IsIPv6 => Host.Contains(':', StringComparison.Ordinal);

    /// <summary>The host as an IP address, or null when it is a name.</summary>
    public IPAddress? Address => IPAddress.TryParse(Host, out var address) ? address : null;

    /// <summary>The host as written in a URI: IPv6 in brackets.</summary>
    public string HostText => IsIPv6 ? $"[{Host}]" : Host;

    /// <inheritdoc/>
    public override string ToString() => Port is { } port ? $"{HostText}:{port.ToString(CultureInfo.InvariantCulture)}" : HostText;

    /// <summary>Parses <c>host [":" port]</c>; the host is a hostname, an IPv4 address or <c>[IPv6]</c>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out HostPort hostPort)
    {
        hostPort = default;
        if (!TryRead(text, out var host, out var port))
        {
            return false;
        }

        hostPort = new HostPort(host.ToString(), port);
        return true;
    }

    /// <summary>Checks <c>host [":" port]</c> and finds its parts without allocating; IPv6 hosts come without brackets.</summary>
    internal static bool TryRead(ReadOnlySpan<char> text, out ReadOnlySpan<char> host, out int? port)
    {
        port = null;
        ReadOnlySpan<char> portText = default;
        if (text.StartsWith('['))
        {
            host = default;
            var close = text.IndexOf(']');
            if (close < 0 || !IPAddress.TryParse(text[1..close], out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }

            host = text[1..close];
            var after = text[(close + 1)..];
            if (!after.IsEmpty)
            {
                if (after[0] != ':')
                {
                    return false;
                }

                portText = after[1..];
                if (portText.IsEmpty)
                {
                    return false;
                }
            }
        }
        else
        {
            var colon = text.IndexOf(':');
            host = colon < 0 ? text : text[..colon];
            if (colon >= 0)
            {
                portText = text[(colon + 1)..];
                if (portText.IsEmpty)
                {
                    return false;
                }
            }

            if (!IsHostName(host))
            {
                return false;
            }
        }

        if (!portText.IsEmpty)
        {
            if (!TryParsePort(portText, out var p))
            {
                return false;
            }

            port = p;
        }

        return true;
    }

    /// <summary>Parses a port number (1 to 5 digits, at most 65535).</summary>
    public static bool TryParsePort(ReadOnlySpan<char> text, out int port)
    {
        port = 0;
        return text.Length is > 0 and <= 5 && !text.ContainsAnyExceptInRange('0', '9')
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;
    }

    private static bool IsHostName(ReadOnlySpan<char> host) =>
        !host.IsEmpty && host[0] is not '.' and not '-' && !host.ContainsAnyExcept(SipGrammar.HostNameChars);
}
