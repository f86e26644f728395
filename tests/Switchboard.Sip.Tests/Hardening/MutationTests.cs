using System.Text;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Tests.Torture;

namespace Switchboard.Sip.Tests.Hardening;

public sealed class MutationTests
{
    private const int Inputs = 1_000_000;

    // Writing may add a Content-Length line, so a message at the header limit can come back a few bytes over it.
    private static readonly SipParserLimits RoomForAddedHeaders = new() { MaxHeaderBytes = SipParserLimits.Default.MaxHeaderBytes + 64 };

    [Fact]
    public void A_million_mutated_messages_never_throw_and_never_grow_memory()
    {
        var seeds = Seeds();
        var random = new Random(4475);
        var outcomes = new int[3];
        var baseline = 0L;

        for (var i = 0; i < Inputs; i++)
        {
            var input = Mutate(seeds[random.Next(seeds.Count)], random);
            var framing = (i & 1) == 0 ? SipFraming.Datagram : SipFraming.Stream;

            var result = SipMessageParser.Parse(input, framing);

            outcomes[(int)result.Status]++;
            Assert.InRange(result.Consumed, 0, input.Length);
            if (result.Message is { } message)
            {
                var written = SipMessageWriter.ToBytes(message);
                var again = SipMessageParser.Parse(written, SipFraming.Stream, RoomForAddedHeaders);
                Assert.True(again.Status == SipParseStatus.Complete, $"{again.Rejection?.Reason}\n{Encoding.UTF8.GetString(input)}\n----\n{Encoding.UTF8.GetString(written)}");
            }

            if (i == Inputs / 10)
            {
                baseline = SettledMemory();
            }
        }

        Assert.InRange(SettledMemory() - baseline, long.MinValue, 8 * 1024 * 1024);
        Assert.All(outcomes, count => Assert.True(count > 1000, $"outcomes (complete, incomplete, rejected): {string.Join(", ", outcomes)}"));
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var steps = random.Next(1, 4);
        for (var s = 0; s < steps; s++)
        {
            switch (random.Next(7))
            {
                case 0:
                    var keep = random.Next(bytes.Count + 1);
                    bytes.RemoveRange(keep, bytes.Count - keep);
                    break;
                case 1:
                    if (bytes.Count > 0)
                    {
                        var at = random.Next(bytes.Count);
                        bytes[at] = (byte)(bytes[at] ^ (1 << random.Next(8)));
                    }

                    break;
                case 2:
                    DuplicateLine(bytes, random);
                    break;
                case 3:
                    bytes.InsertRange(random.Next(bytes.Count + 1), Enumerable.Repeat((byte)"a;,<>\":%\\ "[random.Next(10)], random.Next(1, 20_000)));
                    break;
                case 4:
                    bytes.Insert(random.Next(bytes.Count + 1), (byte)random.Next(256));
                    break;
                case 5:
                    bytes.InsertRange(random.Next(bytes.Count + 1), "\r\n"u8.ToArray());
                    break;
                default:
                    if (bytes.Count > 0)
                    {
                        bytes.RemoveAt(random.Next(bytes.Count));
                    }

                    break;
            }
        }

        return [.. bytes];
    }

    private static void DuplicateLine(List<byte> bytes, Random random)
    {
        if (bytes.Count == 0)
        {
            return;
        }

        var lineStart = bytes.LastIndexOf((byte)'\n', random.Next(bytes.Count)) + 1;
        var lineEnd = bytes.IndexOf((byte)'\n', lineStart);
        if (lineEnd > lineStart)
        {
            bytes.InsertRange(lineEnd + 1, bytes.GetRange(lineStart, lineEnd - lineStart + 1));
        }
    }

    private static List<byte[]> Seeds()
    {
        var seeds = new List<byte[]>
        {
            Wire.Bytes(Wire.Options),
            Wire.Bytes(Wire.Invite("z9hG4bKseed", "seed@h")),
            Wire.Bytes(Wire.Ack("z9hG4bKseed", "seed@h", "t1")),
            Encoding.ASCII.GetBytes("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1;rport=5060;received=192.0.2.1\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\nCall-ID: x\r\nCSeq: 1 INVITE\r\nContact: <sip:c@192.0.2.9:5070;transport=tcp>\r\nRecord-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>\r\nContent-Length: 0\r\n\r\n"),
        };
        if (Directory.Exists(TortureMessages.Folder))
        {
            seeds.AddRange(Directory.GetFiles(TortureMessages.Folder, "*.dat").Select(File.ReadAllBytes));
        }

        return seeds;
    }

    private static long SettledMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
