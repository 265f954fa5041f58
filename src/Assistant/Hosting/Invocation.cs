namespace Assistant.Hosting;

/// <summary>
/// What the command line asks for: an operator verb (team, invite, demo, schedule), the console channel, the
/// default run, or the usage. Arguments of the form --Section:Key=value are passed on to configuration.
/// A command line that cannot be read (an unknown verb or option, a stray word) carries a <see cref="Problem"/>
/// instead of being run: a typo must never start the assistant.
/// </summary>
public sealed record Invocation(string? Verb, string? SubVerb, IReadOnlyDictionary<string, string> Options, bool Console, string[] ConfigurationArgs)
{
    public static readonly IReadOnlySet<string> Verbs = new HashSet<string>(StringComparer.Ordinal) { "team", "invite", "demo", "schedule" };

    /// <summary>The options each verb (and sub-verb) takes; the run without a verb takes <c>--console</c> and <c>--team</c>.</summary>
    private static readonly Dictionary<string, string[]> OptionsOf = new(StringComparer.Ordinal)
    {
        [""] = ["team"],
        ["team add"] = ["name", "region", "from", "to", "code", "tz"],
        ["team list"] = [],
        ["invite"] = ["team", "role", "uses", "days"],
        ["schedule import"] = ["team", "file"],
        ["demo"] = ["start"],
    };

    private static readonly HashSet<string> HelpWords = new(StringComparer.Ordinal) { "--help", "-h", "-?", "/?" };

    /// <summary>--help, -h or the verb help: print the usage and exit 0.</summary>
    public bool Help { get; init; }

    /// <summary>Why the command line cannot be run (one sentence); null when it can.</summary>
    public string? Problem { get; init; }

    public static Invocation Parse(string[] args)
    {
        string? verb = null;
        string? subVerb = null;
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var configuration = new List<string>();
        var console = false;
        var help = false;
        string? problem = null;
        void Fail(string message) => problem ??= message;

        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (HelpWords.Contains(arg) || (i == 0 && arg == "help"))
            {
                help = true;
                continue;
            }

            if (i == 0 && Verbs.Contains(arg))
            {
                verb = arg;
                if (verb is "team" or "schedule" && i + 1 < args.Length && !args[i + 1].StartsWith('-'))
                {
                    subVerb = args[++i];
                }

                continue;
            }

            if (arg == "--console")
            {
                console = true;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal))
            {
                configuration.Add(arg);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal))
            {
                // --Section:Key value
                configuration.Add(arg);
                if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    configuration.Add(args[++i]);
                }
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "";
                options[arg[2..]] = value;
            }
            else
            {
                Fail(i == 0 ? $"unknown command '{arg}'" : $"unexpected argument '{arg}'");
            }
        }

        if (!help)
        {
            problem = Check(verb, subVerb, options, console) ?? problem;
        }

        return new Invocation(verb, subVerb, options, console, [.. configuration]) { Help = help, Problem = help ? null : problem };
    }

    public string? Option(string name) => Options.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>The first thing wrong with a verb, its sub-verb or its options; null when it can run.</summary>
    private static string? Check(string? verb, string? subVerb, Dictionary<string, string> options, bool console)
    {
        var command = verb switch
        {
            null => "",
            "team" or "schedule" => $"{verb} {subVerb}".TrimEnd(),
            _ => verb,
        };
        if (!OptionsOf.TryGetValue(command, out var allowed))
        {
            return subVerb is null ? $"'{verb}' needs one of: {SubVerbsOf(verb!)}" : $"unknown command '{command}' (use: {SubVerbsOf(verb!)})";
        }

        if (verb is not null && console)
        {
            return $"--console does not go with '{command}'";
        }

        var unknown = options.Keys.FirstOrDefault(k => !allowed.Contains(k, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null)
        {
            return $"unknown option '--{unknown}' for {(command.Length == 0 ? "the assistant" : "'" + command + "'")}";
        }

        var empty = options.FirstOrDefault(o => o.Value.Length == 0).Key;
        return empty is null ? null : $"--{empty} needs a value";
    }

    private static string SubVerbsOf(string verb) =>
        string.Join(", ", OptionsOf.Keys.Where(k => k.StartsWith(verb + " ", StringComparison.Ordinal)).Select(k => k[(verb.Length + 1)..]));
}
