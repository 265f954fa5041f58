namespace Assistant.Core.Teams;

/// <summary>Operator actions on teams, used by the command-line verbs and the console channel's first run.</summary>
public sealed class TeamAdministration(
    TeamStore teams,
    InvitationService invitations,
    AssistantDatabase db,
    AuditLog audit,
    TimeProvider time,
    IOptions<AssistantOptions> options)
{
    /// <summary>Actor id recorded in the audit log for operator actions.</summary>
    public const long OperatorActor = 0;

    /// <summary>Creates a team; the error text says what is wrong when it cannot.</summary>
    public (Team? Team, string? Error) CreateTeam(string name, string region, DateOnly from, DateOnly to, string? code = null, string? timeZone = null)
    {
        name = name.Trim();
        if (name.Length is 0 or > 40)
        {
            return (null, "--name is required (at most 40 characters), e.g. --name 第七组");
        }

        if (string.IsNullOrWhiteSpace(region))
        {
            return (null, "--region is required, e.g. --region 湖南省");
        }

        if (to < from)
        {
            return (null, $"--to {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}");
        }

        var zone = timeZone ?? options.Value.TimeZone;
        if (TimeZones.Find(zone) is null)
        {
            return (null, $"--tz '{zone}' is not a known IANA time zone id, e.g. Asia/Shanghai");
        }

        code ??= TeamCodes.Derive(name) ?? $"T{teams.AllTeams().Count + 1}";
        if (!TeamCodes.IsValid(code))
        {
            return (null, $"--code '{code}' must be 1 to 6 letters or digits starting with a letter, e.g. G7");
        }

        return db.InTransaction<(Team?, string?)>(() =>
        {
            if (teams.FindTeamByName(name) is not null)
            {
                return (null, $"a team named {name} already exists");
            }

            if (teams.AllTeams().Any(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase)))
            {
                return (null, $"the code {code} is already used by another team; choose one with --code");
            }

            var team = new Team
            {
                Name = name,
                Region = region.Trim(),
                VisitFrom = from,
                VisitTo = to,
                Code = code.ToUpperInvariant(),
                TimeZone = zone,
                CreatedUtc = time.GetUtcNow().UtcDateTime,
            };
            teams.Insert(team);
            audit.Write(OperatorActor, team.Id, "team.created", name);
            return (team, null);
        });
    }

    public IReadOnlyList<Team> ListTeams() => teams.AllTeams();

    public IReadOnlyList<Member> MembersOf(Team team) => teams.MembersOf(team.Id);

    public (Invitation? Invitation, Team? Team, string? Error) Invite(string teamName, Role role, int uses, int? days)
    {
        var team = teams.FindTeamByName(teamName);
        if (team is null)
        {
            return (null, null, $"there is no team named {teamName} (see: team list)");
        }

        if (uses is < 1 or > InvitationService.MaxUses)
        {
            return (null, team, $"--uses must be from 1 to {InvitationService.MaxUses}");
        }

        if (days is < 1 or > 365)
        {
            return (null, team, "--days must be from 1 to 365");
        }

        return (db.InTransaction(() => invitations.Create(team, role, OperatorActor, uses, days)), team, null);
    }

    /// <summary>Adds (or moves) a person into a team directly, without an invitation (console and demo).</summary>
    public Member AddMember(Team team, long userId, string displayName, Role role, Localization.Language language)
    {
        var member = new Member
        {
            Id = userId,
            TeamId = team.Id,
            Role = role,
            DisplayName = displayName,
            Language = language,
            JoinedUtc = time.GetUtcNow().UtcDateTime,
        };
        db.InTransaction(() => teams.Upsert(member));
        return member;
    }
}
