using System.CommandLine;
using Switchboard.Cli;

var root = new RootCommand(
    "Switchboard: a self-hosted call-flow server. Point SIP or Twilio calls at it and it runs " +
    "telephone applications (prompts, menus, queues, callbacks, messages).")
{
    RunCommand.Create(),
    NumbersCommand.Create(),
    SmsCommand.Create(),
    MessagesCommand.Create(),
    SimulateCommand.Create(),
    DtmfCommand.Create(),
    PromptsCommand.Create(),
};

// The server host handles SIGINT/SIGTERM itself (graceful shutdown), so the parser must not race it.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
