namespace Assistant.Core.Schedule.Files;

/// <summary>What the CSV and .ics formats share: decoding, kind names and participant lists.</summary>
internal static class ItineraryText
{
    /// <summary>What Write puts in the participants for an item of the whole team.</summary>
    public const string WholeTeamWord = "全体";

    /// <summary>The separator Write puts between names.</summary>
    public const char NameSeparator = '、';

    /// <summary>Separators a liaison may type between names besides spaces.</summary>
    private static readonly char[] PunctuationSeparators = ['、', ',', '，', ';', '；'];

    private static readonly HashSet<string> WholeTeamWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "全体", "全体人员", "all", "everyone",
    };

    /// <summary>Characters that make a signed cell an expression rather than a number or a phone.</summary>
    private static readonly System.Buffers.SearchValues<char> FormulaOperators = System.Buffers.SearchValues.Create("=+*/^&|!()");

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The Chinese name of a kind, as CATEGORIES and the Chinese CSV write it; EventKinds.Parse reads it back.</summary>
    public static string ChineseName(EventKind kind) => kind switch
    {
        EventKind.KickOffMeeting => "见面会",
        EventKind.Briefing => "汇报会",
        EventKind.SiteInspection => "实地检查",
        EventKind.CovertVisit => "暗访",
        EventKind.Interview => "个别谈话",
        EventKind.DocumentReview => "调阅材料",
        EventKind.Training => "培训",
        EventKind.FeedbackMeeting => "反馈会",
        EventKind.Travel => "路途",
        _ => "其他",
    };

    /// <summary>
    /// Whether an imported cell would run as a spreadsheet formula: it begins with = or @, or with + or -
    /// followed by a name or an expression (<c>+cmd|' /C calc'!A0</c>, <c>-2+3</c>). A sign before plain text
    /// or a phone number (<c>-5℃低温作业</c>, <c>+86 731</c>) is text, which exports neutralise anyway.
    /// </summary>
    public static bool LooksLikeFormula(string? value)
    {
        var cell = value.AsSpan().Trim();
        if (cell.IsEmpty)
        {
            return false;
        }

        if (cell[0] is '=' or '@')
        {
            return true;
        }

        if (cell[0] is not ('+' or '-') || cell.Length == 1)
        {
            return false;
        }

        var rest = cell[1..].TrimStart();
        return (!rest.IsEmpty && char.IsAsciiLetter(rest[0])) || rest.IndexOfAny(FormulaOperators) >= 0;
    }

    /// <summary>
    /// Turns file bytes into text: UTF-8 with or without BOM, UTF-16 with BOM, and (when <paramref name="allowGb18030"/>)
    /// GB18030, a superset of GBK and GB2312, for bytes that are not valid UTF-8. Returns the error instead when the
    /// bytes are empty, too many, binary or in no supported encoding.
    /// </summary>
    public static ImportError? TryDecode(byte[]? content, bool allowGb18030, out string text)
    {
        text = "";
        if (content is null || content.Length == 0)
        {
            return new ImportError(0, ImportProblem.EmptyFile, null);
        }

        if (content.Length > ItineraryLimits.MaxFileBytes)
        {
            return new ImportError(0, ImportProblem.TooLong, "file");
        }

        if (content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return new ImportError(0, ImportProblem.NotUtf8, "zip (an .xlsx? save it as CSV UTF-8)");
        }

        var decoded = Decode(content, allowGb18030);
        if (decoded is null)
        {
            return new ImportError(0, ImportProblem.NotUtf8, null);
        }

        if (decoded.Contains('\0', StringComparison.Ordinal))
        {
            return new ImportError(0, ImportProblem.NotUtf8, "binary");
        }

        if (string.IsNullOrWhiteSpace(decoded))
        {
            return new ImportError(0, ImportProblem.EmptyFile, null);
        }

        text = decoded;
        return null;
    }

    private static string? Decode(byte[] content, bool allowGb18030)
    {
        var bytes = content.AsSpan();
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return TryGetString(StrictUtf8, bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return TryGetString(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return TryGetString(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), bytes[2..]);
        }

        var utf8 = TryGetString(StrictUtf8, bytes);
        if (utf8 is not null || !allowGb18030)
        {
            return utf8;
        }

        // GB18030 (code page 54936) ships with the shared framework's CodePagesEncodingProvider; used without
        // registering it, so the process-wide Encoding table is left alone.
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        return gb18030 is null ? null : TryGetString(gb18030, bytes);
    }

    private static string? TryGetString(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads a list of names. With <paramref name="separatorOnly"/> only 、 separates (the .ics property Write emits);
    /// otherwise 、 , ， ; ； separate, and spaces too when none of those is present (张三 李四), so "Wei Zhang、李四"
    /// keeps the space inside the first name. 全体, 全体人员, all and everyone mean the whole team. Duplicates are dropped.
    /// </summary>
    public static (bool WholeTeam, List<string> Names) ParseNames(string? text, bool separatorOnly)
    {
        var names = new List<string>();
        var wholeTeam = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            return (wholeTeam, names);
        }

        string[] parts;
        if (separatorOnly)
        {
            parts = text.Split(NameSeparator);
        }
        else if (text.IndexOfAny(PunctuationSeparators) >= 0)
        {
            parts = text.Split(PunctuationSeparators);
        }
        else
        {
            parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        }

        foreach (var part in parts)
        {
            var name = part.Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (WholeTeamWords.Contains(name))
            {
                wholeTeam = true;
            }
            else if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        return (wholeTeam, names);
    }

    /// <summary>
    /// The names Write puts in the participants: 全体 for the whole team (its members are implied), otherwise each
    /// member's name; then the people who are not members.
    /// </summary>
    public static List<string> NamesOf(ScheduleItem item, Func<long, string> memberName)
    {
        var names = new List<string>();
        if (item.WholeTeam)
        {
            names.Add(WholeTeamWord);
        }
        else
        {
            foreach (var id in item.Participants)
            {
                Add(memberName(id));
            }
        }

        foreach (var other in item.OtherParticipants)
        {
            Add(other);
        }

        return names;

        void Add(string? name)
        {
            var trimmed = name?.Trim();
            if (!string.IsNullOrEmpty(trimmed) && !names.Contains(trimmed, StringComparer.Ordinal))
            {
                names.Add(trimmed);
            }
        }
    }

    /// <summary>Trimmed text, or null when there is none.</summary>
    public static string? Clean(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
