using System.Security.Cryptography;

namespace Assistant.Core.Teams;

public enum JoinResult
{
    Joined,
    UnknownCode,
    Expired,
    UsedUp,
    AlreadyMember,
    MemberOfOtherTeam,
}

/// <summary>Creates invitation codes and admits their holders.</summary>
public sealed class InvitationService(TeamStore teams, AuditLog audit, TimeProvider time, IOptions<AssistantOptions> options)
{
    // No 0/O, 1/I/L: codes are read aloud and typed from paper.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int CodeLength = 8;
    public const int MaxUses = 500;

    public Invitation Create(Team team, Role role, long createdBy, int uses = 1, int? days = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var invitation = new Invitation
        {
            Id = NewCode(),
            TeamId = team.Id,
            Role = role,
            MaxUses = Math.Clamp(uses, 1, MaxUses),
            UsesLeft = Math.Clamp(uses, 1, MaxUses),
            ExpiresUtc = now.AddDays(days ?? options.Value.InvitationDays),
            CreatedBy = createdBy,
            CreatedUtc = now,
        };
        teams.Upsert(invitation);
        audit.Write(createdBy, team.Id, "invite.created", $"{role} x{invitation.MaxUses}");
        return invitation;
    }

    /// <summary>Admits the user if the code is good. Call inside the update's transaction.</summary>
    public (JoinResult Result, Member? Member, Team? Team) Join(string code, long userId, string displayName, string? username, Language language)
    {
        var normalized = code.Trim().ToUpperInvariant();
        var invitation = normalized.Length == CodeLength ? teams.GetInvitation(normalized) : null;
        var team = invitation is null ? null : teams.GetTeam(invitation.TeamId);
        if (invitation is null || team is null)
        {
            audit.Write(userId, null, "join.unknown_code");
            return (JoinResult.UnknownCode, null, null);
        }

        var existing = teams.GetMember(userId);
        if (existing is not null)
        {
            return existing.TeamId == team.Id
                ? (JoinResult.AlreadyMember, existing, team)
                : (JoinResult.MemberOfOtherTeam, existing, teams.GetTeam(existing.TeamId));
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (invitation.ExpiresUtc <= now)
        {
            audit.Write(userId, team.Id, "join.expired_code");
            return (JoinResult.Expired, null, team);
        }

        if (invitation.UsesLeft <= 0)
        {
            audit.Write(userId, team.Id, "join.used_code");
            return (JoinResult.UsedUp, null, team);
        }

        invitation.UsesLeft--;
        teams.Upsert(invitation);
        var member = new Member
        {
            Id = userId,
            TeamId = team.Id,
            Role = invitation.Role,
            DisplayName = displayName,
            Username = username,
            Language = language,
            JoinedUtc = now,
        };
        teams.Upsert(member);
        audit.Write(userId, team.Id, "join", invitation.Role.ToString());
        return (JoinResult.Joined, member, team);
    }

    private static string NewCode() =>
        string.Create(CodeLength, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });
}
