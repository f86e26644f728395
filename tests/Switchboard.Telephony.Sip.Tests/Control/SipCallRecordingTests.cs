using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Calls;
using Switchboard.Media.Audio;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.UserAgent;
using Switchboard.Telephony.Sip.Calls;
using Switchboard.Telephony.Sip.Routing;
using Switchboard.Testing;

namespace Switchboard.Telephony.Sip.Tests.Control;

/// <summary>SIPp calls in, speaks and presses 1; the call records until the key and hangs up.</summary>
[Trait("Category", Categories.Interop)]
public sealed class SipCallRecordingTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private readonly string _folder = Directory.CreateTempSubdirectory("switchboard-recordings-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_caller_is_recorded_until_the_finish_key_and_the_wav_holds_the_speech()
    {
        var recorder = new Recorder(_folder);
        await using var fixture = new DialerFixture(recorder);
        recorder.Use(fixture);
        var target = new IPEndPoint(IPAddress.Loopback, fixture.Agent.Transports[0].LocalEndPoint.Port);

        var sipp = await Sipp.CallAsync(target, "u1", 1, DialerFixture.Scenario("uac-speak-then-key.xml"));
        var result = await recorder.Result.Task.WaitAsync(Patience);

        Assert.True(sipp.ExitCode == 0, sipp.ToString());
        Assert.Equal((RecordingStop.FinishKey, (char?)'1'), (result.StoppedBy, result.FinishKey));
        Assert.Equal(Path.Combine(_folder, "calls", "speech.wav"), result.Path);
        var wav = WavReader.Read(await File.ReadAllBytesAsync(result.Path!)).Audio!;
        Assert.InRange(wav.Duration.TotalSeconds, 4.0, 7.0);
        Assert.True(LegBridgeTests.Rms(wav.Samples) > 300, $"the caller's speech is in the file (RMS {LegBridgeTests.Rms(wav.Samples):0})");
        Assert.Equal(0, fixture.Media.PortsInUse);
    }

    // Takes the one call: answers, records with finish key 1 under the test folder, hangs up.
    private sealed class Recorder(string root) : ISipRequestHandler
    {
        private DialerFixture? _fixture;

        public TaskCompletionSource<RecordingResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyCollection<string> Methods { get; } = [SipMethods.Invite];

        public void Use(DialerFixture fixture) => _fixture = fixture;

        public async Task HandleAsync(IncomingRequest request, CancellationToken cancellationToken)
        {
            var call = SipCall.Accept("rec-1", request, _fixture!.Agent, _fixture.Media, new SipRoute("*", "record"), TimeProvider.System, NullLogger.Instance, out var refusal);
            if (call is null)
            {
                request.Respond(refusal!);
                Result.TrySetException(new InvalidOperationException($"refused: {refusal}"));
                return;
            }

            await using (call)
            {
                call.RecordingsRoot = root;
                try
                {
                    await call.AnswerAsync(cancellationToken);
                    var result = await call.RecordAsync(new RecordingRequest { Name = "calls/speech.wav", FinishKeys = "1", EndOnSilence = null, Beep = false }, cancellationToken);
                    await call.HangUpAsync(cancellationToken);
                    Result.TrySetResult(result);
                }
                catch (Exception e)
                {
                    Result.TrySetException(e);
                }
            }
        }
    }
}
