namespace Assistant.Hosting;

/// <summary>
/// What the command line asks for: an operator verb (team, invite, demo), the console channel, or
/// the default run. Arguments of the form --Section:Key=value are passed on to configuration.
/// </summary>
public sealed record Invocation(string? Verb, string? SubVerb, IReadOnlyDictionary<string, string> Options, bool Console, string[] ConfigurationArgs)
{
    public static readonly IReadOnlySet<string> Verbs = new HashSet<string>(StringComparer.Ordinal) { "team", "invite", "demo", "schedule" };

    public static Invocation Parse(string[] args)
    {
        string? verb = null;
        string? subVerb = null;
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var configuration = new List<string>();
        var console = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
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
            else if (arg.StartsWith("--", StringComparison.Ordinal) && (arg.Contains(':', StringComparison.Ordinal) || arg.Contains('=', StringComparison.Ordinal)))
            {
                configuration.Add(arg);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "";
                options[arg[2..]] = value;
            }
            else
            {
                options["_" + options.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)] = arg;
            }
        }

        return new Invocation(verb, subVerb, options, console, [.. configuration]);
    }

    public string? Option(string name) => Options.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
