using System.Globalization;
using System.Net;
using System.Text;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Messages;

/// <summary>One Via hop (RFC 3261 §20.42, RFC 3581): protocol, transport, sent-by and parameters (branch, received, rport, maddr, ttl).</summary>
public sealed class Via(string protocol, string transport, HostPort sentBy, SipParameters parameters)
{
    /// <summary>The magic cookie that marks an RFC 3261 branch.</summary>
    public const string MagicCookie = "z9hG4bK";

    /// <summary>Protocol name and version, normally <c>SIP/2.0</c>.</summary>
    public string Protocol { get; } = protocol;

    /// <summary>The transport in upper case (<c>UDP</c>, <c>TCP</c>, <c>TLS</c>, …).</summary>
    public string Transport { get; } = transport;

    /// <summary>The sent-by host and optional port.</summary>
    public HostPort SentBy { get; } = sentBy;

    /// <summary>The Via parameters.</summary>
    public SipParameters Parameters { get; } = parameters;

    /// <summary>The branch, or null (RFC 2543 peers).</summary>
    public string? Branch => Parameters["branch"];

    /// <summary>True when the branch starts with the RFC 3261 magic cookie and has something after it.</summary>
    public bool HasRfc3261Branch => Branch is { Length: > 7 } b && b.StartsWith(MagicCookie, StringComparison.Ordinal);

    /// <summary>The <c>received</c> parameter, or null.</summary>
    public string? Received => Parameters["received"];

    /// <summary>True when the <c>rport</c> parameter is present (RFC 3581).</summary>
    public bool HasRport => Parameters.Contains("rport");

    /// <summary>The value of <c>rport</c> once filled in by the receiver, or null.</summary>
    public int? Rport => int.TryParse(Parameters["rport"], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;

    /// <summary>The <c>maddr</c> parameter, or null.</summary>
    public string? Maddr => Parameters["maddr"];

    /// <inheritdoc/>
    public override string ToString()
    {
        var builder = new StringBuilder(Protocol).Append('/').Append(Transport).Append(' ').Append(SentBy.ToString());
        Parameters.AppendTo(builder);
        return builder.ToString();
    }

    /// <summary>Parses a Via header value, which may hold several comma-separated hops, appending them in order.</summary>
    public static bool TryParseList(string value, List<Via> vias, out string error) =>
        TryParseList(value, vias, out error, out _);

    /// <summary>Reads a Via header value; hops are appended to <paramref name="vias"/>, or only checked when it is null.</summary>
    internal static bool TryParseList(ReadOnlySpan<char> value, List<Via>? vias, out string error, out int count) =>
        CommaList.TryRead(value, vias, TryRead, out error, out count);

    private static bool TryRead(ref HeaderReader reader, bool build, out Via? via, out string error)
    {
        via = null;
        reader.SkipWhitespace();
        var name = reader.ReadToken();
        var slash1 = reader.TrySeparator('/');
        var version = reader.ReadToken();
        var slash2 = reader.TrySeparator('/');
        var transport = reader.ReadToken();
        if (name.IsEmpty || !slash1 || version.IsEmpty || !slash2 || transport.IsEmpty)
        {
            error = "Via does not start with protocol/version/transport";
            return false;
        }

        if (!reader.SkipWhitespace())
        {
            error = "Via needs white space before the sent-by host";
            return false;
        }

        var hostStart = reader.Position;
        if (reader.Peek() == '[')
        {
            reader.ReadUntilAny("]");
            reader.TryChar(']');
        }
        else
        {
            reader.ReadWhile(SipGrammar.HostNameChars);
        }

        var hostEnd = reader.Position;
        var hostText = reader.Slice(hostStart, hostEnd);
        if (reader.TrySeparator(':'))
        {
            var portStart = reader.Position;
            var port = reader.ReadWhile(SipGrammar.Digits);
            hostText = portStart == hostEnd + 1 ? reader.Slice(hostStart, reader.Position) : $"{hostText}:{port}";
        }

        if (!HostPort.TryRead(hostText, out var host, out var portNumber))
        {
            error = $"'{hostText}' is not a valid Via sent-by";
            return false;
        }

        var parameters = build ? new SipParameters() : null;
        scoped var checks = new ParameterChecks();
        while (reader.TrySeparator(';'))
        {
            if (!SipParameters.TryReadOne(ref reader, out var parameter, out error))
            {
                return false;
            }

            checks.Note(parameter);
            parameters?.Add(parameter.ToParameter());
        }

        if (!checks.Pass(out error))
        {
            return false;
        }

        if (build)
        {
            var protocol = name.SequenceEqual("SIP") && version.SequenceEqual("2.0") ? SipVersion.V2 : $"{name}/{version}";
            via = new Via(protocol, UpperCase(transport), new HostPort(host.ToString(), portNumber), parameters!);
        }

        return true;
    }

    private static string UpperCase(ReadOnlySpan<char> token) => WireNames.Find(token) is { } shared && !shared.AsSpan().ContainsAnyInRange('a', 'z')
        ? shared
        : token.ToString().ToUpperInvariant();

    /// <summary>The first received, rport, ttl and branch parameters of a hop (names ignore case), checked once all are read.</summary>
    private ref struct ParameterChecks
    {
        private ReadOnlySpan<char> _received;
        private ReadOnlySpan<char> _rport;
        private ReadOnlySpan<char> _ttl;
        private Seen _seen;
        private Seen _valued;

        [Flags]
        private enum Seen
        {
            None = 0,
            Received = 1,
            Rport = 2,
            Ttl = 4,
            Branch = 8,
        }

        public void Note(ParameterText parameter)
        {
            var which = parameter.Name switch
            {
                _ when parameter.Name.Equals("received", StringComparison.OrdinalIgnoreCase) => Seen.Received,
                _ when parameter.Name.Equals("rport", StringComparison.OrdinalIgnoreCase) => Seen.Rport,
                _ when parameter.Name.Equals("ttl", StringComparison.OrdinalIgnoreCase) => Seen.Ttl,
                _ when parameter.Name.Equals("branch", StringComparison.OrdinalIgnoreCase) => Seen.Branch,
                _ => Seen.None,
            };
            if (which == Seen.None || (_seen & which) != 0)
            {
                return;
            }

            _seen |= which;
            if (!parameter.HasValue)
            {
                return;
            }

            _valued |= which;
            switch (which)
            {
                case Seen.Received:
                    _received = parameter.Value;
                    break;
                case Seen.Rport:
                    _rport = parameter.Value;
                    break;
                case Seen.Ttl:
                    _ttl = parameter.Value;
                    break;
            }
        }

        public readonly bool Pass(out string error)
        {
            error = string.Empty;
            if ((_seen & Seen.Received) != 0 && !IPAddress.TryParse(_received, out _))
            {
                error = "Via received is not an IP address";
                return false;
            }

            if ((_valued & Seen.Rport) != 0 && !HostPort.TryParsePort(_rport, out _))
            {
                error = "Via rport is not a port number";
                return false;
            }

            if ((_seen & Seen.Ttl) != 0 && ((_valued & Seen.Ttl) == 0 || !byte.TryParse(_ttl, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                error = "Via ttl is not 0-255";
                return false;
            }

            if ((_seen & Seen.Branch) != 0 && (_valued & Seen.Branch) == 0)
            {
                error = "Via branch has no value";
                return false;
            }

            return true;
        }
    }
}
