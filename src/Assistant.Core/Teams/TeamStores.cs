using LiteDB;

namespace Assistant.Core.Teams;

/// <summary>Teams, members and invitations in LiteDB.</summary>
public sealed class TeamStore(AssistantDatabase db)
{
    private readonly ReadCache<int, Team> _teams = new(db);
    private readonly ReadCache<long, Member> _members = new(db);

    public const string Teams = "teams";
    public const string Members = "members";
    public const string Invitations = "invitations";
    public const string Sequences = "team_sequences";

    private ILiteCollection<Team> TeamCollection => db.Collection<Team>(Teams);

    private ILiteCollection<Member> MemberCollection => db.Collection<Member>(Members);

    private ILiteCollection<Invitation> InvitationCollection => db.Collection<Invitation>(Invitations);

    private ILiteCollection<TeamSequence> SequenceCollection => db.Collection<TeamSequence>(Sequences);

    public Team? GetTeam(int id) => _teams.Get(id, k => TeamCollection.ById(k));

    public Team? FindTeamByName(string name) => TeamCollection.FindOne(x => x.Name == name.Trim());

    public Team? FindTeamByGroup(long chatId) => TeamCollection.FindOne(x => x.GroupChatIds.Contains(chatId));

    public IReadOnlyList<Team> AllTeams() => TeamCollection.FindAll().OrderBy(x => x.Id).ToList();

    public void Insert(Team team) => TeamCollection.Insert(team);

    public void Update(Team team)
    {
        _teams.Invalidate(team.Id);
        TeamCollection.Update(team);
    }

    /// <summary>
    /// Issues the next finding number of the team. Call inside the transaction that saves the finding. The count is
    /// kept in its own row (<see cref="TeamSequence"/>), not in the team's: the team row is read on every update
    /// and cached, and a number issued per finding would drop it from the cache every time.
    /// </summary>
    public int NextFindingNumber(int teamId)
    {
        _ = GetTeam(teamId) ?? throw new InvalidOperationException($"Team {teamId} does not exist.");
        var sequence = SequenceCollection.ById(teamId) ?? new TeamSequence { Id = teamId };
        sequence.Findings++;
        SequenceCollection.Upsert(sequence);
        return sequence.Findings;
    }

    /// <summary>The last finding number issued to the team (G7-001 is 1; 0 before the first).</summary>
    public int LastFindingNumber(int teamId) => SequenceCollection.ById(teamId)?.Findings ?? 0;

    public Member? GetMember(long userId) => _members.Get(userId, k => MemberCollection.ById(k));

    public IReadOnlyList<Member> MembersOf(int teamId) =>
        MemberCollection.Find(x => x.TeamId == teamId).OrderBy(x => x.Role).ThenBy(x => x.JoinedUtc).ToList();

    public void Upsert(Member member)
    {
        _members.Invalidate(member.Id);
        MemberCollection.Upsert(member);
    }

    public bool RemoveMember(long userId)
    {
        _members.Invalidate(userId);
        return MemberCollection.Delete(userId);
    }

    public Invitation? GetInvitation(string code) => InvitationCollection.ById(code);

    public void Upsert(Invitation invitation) => InvitationCollection.Upsert(invitation);

    public static void EnsureSchema(ILiteDatabase database)
    {
        SchemaSetup.EnsureIndexes(database, Teams, FieldIndex.UniqueOn(nameof(Team.Name)));
        SchemaSetup.AssignedIds<Member>(database);
        SchemaSetup.EnsureIndexes(database, Members, FieldIndex.On(nameof(Member.TeamId)));
        SchemaSetup.EnsureIndexes(database, Invitations, FieldIndex.On(nameof(Invitation.TeamId)));
        SchemaSetup.AssignedIds<TeamSequence>(database);
        SchemaSetup.EnsureCollection(database, Sequences);
    }

    /// <summary>
    /// Data migration: moves each team's last finding number out of its row (the field <c>FindingSequence</c> an
    /// older version kept there) into <see cref="Sequences"/>. Returns how many teams it moved.
    /// </summary>
    public static int MoveFindingSequences(ILiteDatabase database)
    {
        const string Field = "FindingSequence";
        var teams = database.GetCollection(Teams);
        var sequences = database.GetCollection<TeamSequence>(Sequences);
        var moved = 0;
        foreach (var row in teams.FindAll().Where(row => row.ContainsKey(Field)).ToList())
        {
            sequences.Upsert(new TeamSequence { Id = row["_id"].AsInt32, Findings = row[Field].AsInt32 });
            row.Remove(Field);
            teams.Update(row);
            moved++;
        }

        return moved;
    }
}
