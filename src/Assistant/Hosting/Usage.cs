namespace Assistant.Hosting;

/// <summary>The command line's usage text, printed by --help and after a command line that cannot be read.</summary>
public static class Usage
{
    /// <summary>Exit code of a command line that cannot be read, or of an operator verb given bad arguments.</summary>
    public const int ExitCode = 1;

    public const string Text = """
        usage: Assistant [--console] [--team NAME] [--Section:Key=value ...]
                 Runs the assistant: on Telegram when Telegram:BotToken is set, else in this terminal
                 (--console forces the terminal; --team chooses the team when the database has several).
               Assistant team add --name NAME --region REGION --from YYYY-MM-DD --to YYYY-MM-DD [--code G7] [--tz Asia/Shanghai]
               Assistant team list
               Assistant invite --team NAME --role leader|liaison|member|contact [--uses N] [--days N]
               Assistant schedule import --team NAME --file ITINERARY.csv|.ics
               Assistant demo [--start YYYY-MM-DD]
               Assistant help
        With dotnet run: dotnet run --project src/Assistant -- team list
        """;

    /// <summary>Prints the problem and the usage to <paramref name="error"/>; returns <see cref="ExitCode"/>.</summary>
    public static int Refuse(string problem, TextWriter error)
    {
        error.WriteLine(problem);
        error.WriteLine(Text);
        return ExitCode;
    }
}
