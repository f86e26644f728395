using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Calls;
using Switchboard.Calls.Input;
using Switchboard.Media.Audio;
using Switchboard.Media.Clock;
using Switchboard.Media.Codecs;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;
using Switchboard.Media.Sessions;
using Switchboard.Prompts;
using Switchboard.Telephony.Sip.Calls;
using Switchboard.Telephony.Sip.Media;
using Switchboard.Telephony.Sip.Tests.TestPeers;

namespace Switchboard.Telephony.Sip.Tests.Calls;

/// <summary>The prompt player over a real RTP session on loopback, sending to a bare UDP socket.</summary>
public sealed class RtpPromptPlayerTests : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly PromptScope Scope = new(PromptFolder.App, "en");
    private readonly PromptFolder _prompts = new(("short", TimeSpan.FromMilliseconds(200)), ("long", TimeSpan.FromSeconds(5)));
    private readonly MediaClock _clock = new((_, _) => { }, new MediaClockOptions { Threads = 1, Priority = ClockPriority.Normal });
    private readonly UdpClient _peer = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CallJournal _journal = new(TimeProvider.System);
    private readonly RtpSession _session;
    private readonly RtpPromptPlayer _player;

    public RtpPromptPlayerTests()
    {
        var media = new CallMedia(new RtpPortRange(48000, 48019), IPAddress.Loopback, _clock, new PromptCache(), _prompts.Library);
        _session = RtpSession.Open(media.Ports, _clock);
        _session.Start(new NegotiatedAudio
        {
            MediaIndex = 0,
            Codec = AudioCodec.Pcma,
            PayloadType = 8,
            PtimeMs = 20,
            Direction = MediaDirection.SendRecv,
            RemoteRtp = (IPEndPoint)_peer.Client.LocalEndPoint!,
        });
        _player = new RtpPromptPlayer(_session, media, () => Scope, _journal, NullLogger.Instance);
    }

    [Fact]
    public async Task Each_prompt_is_reported_as_it_starts_and_the_end_once_the_last_has_played()
    {
        var progress = new ProgressLog();

        _player.Start(Prompt.Of("short").Then(Prompt.Of("short")).Then(Prompt.Of("short")), progress);

        await progress.Finished.WaitAsync(Wait);
        Assert.Equal(["started 0", "started 1", "started 2", "finished"], progress.Events);
        await _player.Idle.WaitAsync(Wait);
    }

    [Fact]
    public async Task A_missing_recording_counts_as_played_and_is_written_in_the_journal()
    {
        var progress = new ProgressLog();

        _player.Start(Prompt.Of("nowhere").Then(Prompt.Of("short")), progress);

        await progress.Finished.WaitAsync(Wait);
        Assert.Equal(["started 0", "started 1", "finished"], progress.Events);
        var entry = Assert.Single(_journal.Events);
        Assert.Equal(CallEventKind.Prompt, entry.Kind);
        Assert.StartsWith("nowhere: no playable recording at ", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interrupted_sequence_stops_playing_and_reports_nothing_more_while_the_next_one_plays_to_its_end()
    {
        var interrupted = new ProgressLog();
        var next = new ProgressLog();
        _player.Start(Prompt.Of("long").Then(Prompt.Of("short")), interrupted);
        await interrupted.Started.WaitAsync(Wait);

        _player.Interrupt();
        await _player.Idle.WaitAsync(Wait);
        _player.Start(Prompt.Of("short"), next);

        await next.Finished.WaitAsync(Wait);
        Assert.Equal(["started 0"], interrupted.Events);
        Assert.Equal(["started 0", "finished"], next.Events);
        Assert.False(_session.StopPlayback());
    }

    public async ValueTask DisposeAsync()
    {
        await _session.DisposeAsync();
        _clock.Dispose();
        _peer.Dispose();
        _prompts.Dispose();
    }

    private sealed class ProgressLog : IPromptProgress
    {
        private readonly List<string> _events = [];
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public Task Finished => _finished.Task;

        public IReadOnlyList<string> Events
        {
            get { lock (_events) { return [.. _events]; } }
        }

        public void PromptStarted(int index)
        {
            lock (_events)
            {
                _events.Add($"started {index}");
            }

            _started.TrySetResult();
        }

        void IPromptProgress.Finished()
        {
            lock (_events)
            {
                _events.Add("finished");
            }

            _finished.TrySetResult();
        }
    }
}
