namespace Assistant.Core.Ledger.Documents;

/// <summary>
/// One row of the rectification ledger (台账), already in the reader's language: every text is
/// final; the writers only lay it out, in the columns of <see cref="LedgerColumns"/>. Openness is how the unit was
/// checked: 明查 or 暗访 (Open or Covert).
/// </summary>
public sealed record LedgerRow(
    string Number,
    string Unit,
    string Openness,
    string Location,
    string Sector,
    string Aspect,
    string Problem,
    string? Basis,
    string Severity,
    string? ResponsibleUnit,
    string? ResponsiblePerson,
    DateOnly? Deadline,
    string Status,
    string? FixEvidence,
    string? VerifiedBy,
    DateTime? VerifiedAt,
    string? VerificationOpinion,
    int DaysOverdue);
