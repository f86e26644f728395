using System.Diagnostics;
using Switchboard.Testing;

namespace Switchboard.Media.Tests.Dtmf;

/// <summary>Speech for the talk-off suite: espeak-ng reads texts (numbers included) in several languages and voices,
/// and sox turns them into 8 kHz 16-bit mono, as a caller's voice reaches Switchboard. Cached in .build/speech.</summary>
internal static class SpeechSamples
{
    public static readonly (string Voice, string Text)[] Texts =
    [
        ("en-us", "Thank you for calling. Please hold while we connect you. My number is one two three, four five six, seven eight nine zero. I would like to speak to someone about my invoice from last Tuesday, it seems the amount is wrong."),
        ("en-gb+f3", "Hello, this is Sarah. I am calling about the delivery that was supposed to arrive this morning. Could you ring me back on oh seven seven double nine, three four five six one two?"),
        ("de", "Guten Tag, hier spricht Herr Schneider. Ich rufe wegen meiner Bestellung an, die Nummer ist vier acht fünfzehn dreiundzwanzig. Bitte rufen Sie mich morgen zwischen neun und zwölf Uhr zurück."),
        ("fr-fr+m3", "Bonjour, je voudrais prendre rendez-vous pour la semaine prochaine. Mon numéro est le zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit. Merci beaucoup et bonne journée."),
        ("es", "Buenas tardes, llamo por la factura del mes pasado. El número de cliente es siete tres nueve dos uno. ¿Podrían enviarme una copia por correo electrónico, por favor?"),
        ("ru", "Здравствуйте, я звоню по поводу заказа номер пятьсот двадцать три. Перезвоните мне, пожалуйста, после обеда. Спасибо, до свидания."),
        ("cmn", "你好，我想查询一下我的订单，订单号是三五八二七一。请尽快给我回电话，谢谢。"),
        ("it+f2", "Buongiorno, sono Giulia. Chiamo per confermare l'appuntamento di giovedì alle dieci e mezza. Il mio numero è tre tre otto, quattro cinque sei, sette otto nove."),
    ];

    /// <summary>The samples of one text, generating them on first use.</summary>
    public static short[] Load(string voice, string text)
    {
        var folder = RepoPaths.InRepo(".build", "speech");
        Directory.CreateDirectory(folder);
        var raw = Path.Combine(folder, $"{voice}-{(uint)StableHash(text):x8}.raw");
        if (!File.Exists(raw))
        {
            var wav = raw + ".wav";
            Run("espeak-ng", ["-v", voice, "-s", "150", "-w", wav, text]);
            Run("sox", [wav, "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", "-t", "raw", raw + ".tmp"]);
            File.Move(raw + ".tmp", raw, overwrite: true);
            File.Delete(wav);
        }

        var bytes = File.ReadAllBytes(raw);
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
        return samples;
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }

    private static void Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var errors = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {errors} — ./test.sh installs it (tests/setup/50-media.sh)");
        }
    }
}
