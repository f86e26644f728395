using System.CommandLine;
using System.Text;
using Microsoft.Extensions.Configuration;
using Switchboard.Hosting;
using Switchboard.Numbers;

namespace Switchboard.Cli;

/// <summary><c>switchboard numbers classify</c>: reads numbers as Switchboard does for callers and shows what they are.</summary>
internal static class NumbersCommand
{
    public static Command Create() => Create(() => Console.In);

    /// <summary>The command, reading standard input from <paramref name="standardInput"/> (tests pass their own).</summary>
    internal static Command Create(Func<TextReader> standardInput)
    {
        var config = ConfigOption.Create();
        var region = new Option<string?>("--region", "-r")
        {
            Description = "Region the numbers are dialled in (ISO 3166, e.g. NL, US). Default: Numbers:DefaultRegion (NL).",
        };
        var json = new Option<bool>("--json")
        {
            Description = "One JSON object per line: input, valid, e164, region, type, kind (number, extension, " +
                          "withheld, not-a-number), and error for input that is no number.",
        };
        var numbers = new Argument<string[]>("NUMBER")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Numbers, URIs or caller IDs to classify. Without any, reads one per line from standard input " +
                          "and writes exactly one line per input line.",
        };
        var classify = new Command("classify", "Say for each number whether it is valid, its E.164 form, region and type " +
                                               "(MOBILE, FIXED_LINE, VOIP, …), or that it is an extension, withheld, or no number.")
        {
            config, region, json, numbers,
        };
        classify.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            Settings settings;
            try
            {
                settings = Settings.From(SwitchboardConfiguration.Load(result.GetValue(config)), result.GetValue(region));
            }
            catch (Exception e) when (e is ConfigurationFileException or ArgumentException)
            {
                error.WriteLine($"switchboard: {e.Message}");
                return 2;
            }

            var inputs = result.GetValue(numbers) ?? [];
            var asJson = result.GetValue(json);
            if (inputs.Length > 0)
            {
                if (!asJson)
                {
                    output.WriteLine(NumberReadingOutput.Header);
                }

                foreach (var input in inputs)
                {
                    output.WriteLine(Describe(input, settings, asJson));
                }

                return 0;
            }

            var reader = standardInput();
            var interactive = ReferenceEquals(reader, Console.In) && !Console.IsInputRedirected;
            using var buffered = ReferenceEquals(output, Console.Out) && !interactive
                ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16)
                : null;
            var writer = buffered ?? output;
            foreach (var line in InputLines.Read(reader))
            {
                writer.WriteLine(Describe(line, settings, asJson));
                if (interactive)
                {
                    writer.Flush();
                }
            }

            writer.Flush();
            return 0;
        });

        return new Command("numbers", "Phone numbers as Switchboard reads them (libphonenumber's numbering plans, offline).")
        {
            classify,
        };
    }

    /// <summary>One output line for one input; a failure is reported on that line, never by skipping it.</summary>
    internal static string Describe(string input, Settings settings, bool asJson)
    {
        var plan = NumberPlan.Default;
        NumberReading reading;
        try
        {
            reading = plan.Read(input, settings.Region, settings.MaxExtensionDigits);
        }
#pragma warning disable CA1031 // One bad line must not end the stream: it is reported on its own output line.
        catch (Exception e)
#pragma warning restore CA1031
        {
            reading = NumberPlan.NotANumber(input, $"internal error: {e.Message}");
        }

        return asJson ? NumberReadingOutput.Json(reading, plan) : NumberReadingOutput.TableRow(reading, plan);
    }

    /// <summary>The region and extension length the command reads numbers with.</summary>
    internal sealed record Settings(string Region, int MaxExtensionDigits)
    {
        public static Settings From(IConfiguration configuration, string? regionOption)
        {
            var numbers = NumberSettings.From(configuration);
            var region = regionOption ?? numbers.DefaultRegion;
            if (!NumberPlan.Default.IsKnownRegion(region))
            {
                throw new ArgumentException($"'{region}' is not a region code (ISO 3166 alpha-2, e.g. NL or US).");
            }

            return new Settings(region.ToUpperInvariant(), numbers.MaxExtensionDigits);
        }
    }
}
