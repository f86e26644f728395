using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;
using Switchboard.SipLoadUas;

// Usage: SipLoadUas [udp:127.0.0.1:5070]. Prints "listening on ..." once bound, and its counters on SIGINT/SIGTERM.
var listen = SipListenAddress.Parse(args.Length > 0 ? args[0] : "udp:127.0.0.1:5070");
var handler = new AnsweringHandler();
await using var agent = SipUserAgent.Start(new SipUserAgentOptions { Listen = [listen] }, handler, TimeProvider.System, NullLoggerFactory.Instance);
handler.Contact = $"<{agent.ContactFor(agent.Transports[0], null, "uas")}>";

using var stop = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
Console.WriteLine($"listening on {listen.Protocol.ToString().ToLowerInvariant()}:{agent.Transports[0].LocalEndPoint}");

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

Console.WriteLine($"answered {handler.Answered} ended-by-bye {handler.EndedByBye} ended-otherwise {handler.EndedOtherwise} open-dialogs {agent.Dialogs.Count}");
