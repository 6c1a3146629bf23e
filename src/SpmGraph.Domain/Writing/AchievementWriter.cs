using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Writing;

/// <summary>A quarterly capaian as a region's OPD enters it: the input of recordAchievement and of each import line.</summary>
public sealed record AchievementInput
{
    public string RegionCode { get; init; } = "";

    public string IndicatorCode { get; init; } = "";

    public int Year { get; init; }

    /// <summary>Triwulan, 1-4.</summary>
    public int Quarter { get; init; }

    /// <summary>Entitled recipients for the year.</summary>
    public long Target { get; init; }

    /// <summary>Served since January, cumulative to the end of the quarter.</summary>
    public long Served { get; init; }

    /// <summary>Mutu fulfilment in percent, 0-100; null when not reported.</summary>
    public double? QualityRate { get; init; }

    public long BudgetRealized { get; init; }

    /// <summary>When given, the write fails with CONFLICT unless the row is at this version (0: it must not exist yet).</summary>
    public int? ExpectedVersion { get; init; }
}

/// <summary>
/// Records or corrects quarterly achievement rows as DRAFT, creating the region's report for the
/// quarter when it has none. A batch (an import) is checked as a whole first, with set-based
/// lookups, and then written in one transaction: every row or none.
/// </summary>
public sealed class AchievementWriter(IDbContextFactory<SpmDbContext> contexts, TimeProvider clock)
{
    /// <summary>Large batches are saved (and reported as progress) in chunks of this many rows, inside the one transaction.</summary>
    public const int ChunkSize = 10_000;

    public Task<WriteResult<Achievement>> RecordAsync(AchievementInput input, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return BatchWrite.OneAsync(RecordManyAsync([input], actor, null, cancellationToken));
    }

    /// <summary>Checks every input, then writes all of them in one transaction or, when any is wrong, nothing.</summary>
    public Task<BatchWriteResult<Achievement>> RecordManyAsync(IReadOnlyList<AchievementInput> inputs, string actor, BatchWriteOptions? options, CancellationToken cancellationToken) =>
        BatchWrite.RunAsync<AchievementInput, Achievement, State>(contexts, clock, actor, inputs, options, CheckAsync, WriteAsync, cancellationToken);

    private static async Task<State> CheckAsync(SpmDbContext db, IReadOnlyList<AchievementInput> inputs, CancellationToken cancellationToken)
    {
        var catalog = await WriteCatalog.LoadAsync(db, inputs.Select(i => i.RegionCode), inputs.Select(i => i.IndicatorCode), cancellationToken);
        var state = new State(inputs.Count, catalog.Periods);
        var itemErrors = new List<WriteError>[inputs.Count];

        // First the input on its own and its lookups.
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var errors = itemErrors[i] = [];
            WriteRules.CheckYear(input.Year, errors);
            WriteRules.CheckQuarter(input.Quarter, errors);
            WriteRules.CheckNotNegative("target", input.Target, errors);
            WriteRules.CheckNotNegative("served", input.Served, errors);
            WriteRules.CheckNotNegative("budgetRealized", input.BudgetRealized, errors);
            if (input.QualityRate is { } quality && !(quality >= 0 && quality <= 100))
            {
                errors.Add(WriteError.At("qualityRate", WriteErrorCodes.OutOfRange, $"qualityRate is a percentage, 0-100 (was {quality})."));
            }

            var region = catalog.Region(input.RegionCode, errors);
            var indicator = catalog.Indicator(input.IndicatorCode, errors);
            var levelFits = region is not null && indicator is not null && WriteCatalog.CheckLevel(region, indicator, errors);
            var yearAndQuarterValid = !errors.Any(e => e.Code is WriteErrorCodes.InvalidYear or WriteErrorCodes.InvalidQuarter);
            var period = yearAndQuarterValid ? catalog.Period(input.Year, input.Quarter, errors) : null;
            if (levelFits && period is not null)
            {
                state.Keys[i] = new RowKey(region!.Id, indicator!.Id, input.Year, input.Quarter);
            }
        }

        await state.LoadAsync(db, cancellationToken);

        // Then against what is stored and the rest of the batch.
        var firstLine = new Dictionary<RowKey, int>();
        var served = new Dictionary<(int RegionId, int IndicatorId, int Year), long?[]>();
        foreach (var row in state.Rows.Values)
        {
            ServedOf(served, row.RegionId, row.IndicatorId, row.Year)[row.Quarter - 1] = row.Served;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            if (state.Keys[i] is { } key && firstLine.TryAdd(key, i) && inputs[i].Served >= 0)
            {
                ServedOf(served, key.RegionId, key.IndicatorId, key.Year)[key.Quarter - 1] = inputs[i].Served;
            }
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            if (state.Keys[i] is not { } key)
            {
                continue;
            }

            var input = inputs[i];
            var errors = itemErrors[i];
            if (firstLine[key] != i)
            {
                errors.Add(WriteError.Whole(WriteErrorCodes.DuplicateRow, $"The same region, indicator, year and quarter as item {firstLine[key] + 1}."));
                continue;
            }

            var stored = state.Rows.GetValueOrDefault(key);
            WriteRules.CheckVersion(input.ExpectedVersion, stored?.Version, "achievement row", errors);
            var report = state.Reports.GetValueOrDefault((key.RegionId, key.Year, key.Quarter));
            if (report is { Status: ReportStatus.Submitted or ReportStatus.Verified } && (stored is null || Differs(stored, input)))
            {
                errors.Add(WriteError.Whole(
                    WriteErrorCodes.ReportLocked,
                    $"The {input.Year} Q{input.Quarter} report of {WriteCatalog.NormalizeRegion(input.RegionCode)} is {ChangeSet.ConstantCase(report.Status.ToString())}; reopen the report before changing its rows."));
            }

            if (input.Served >= 0)
            {
                CheckServedOrder(ServedOf(served, key.RegionId, key.IndicatorId, key.Year), key.Quarter, input.Served, errors);
            }
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            state.Errors.AddRange(itemErrors[i].Select(e => new ItemError(i, e)));
        }

        return state;
    }

    /// <summary>served is cumulative within a year: not below an earlier quarter's, not above a later one's.</summary>
    private static void CheckServedOrder(long?[] quarters, int quarter, long value, List<WriteError> errors)
    {
        for (var q = quarter - 1; q >= 1; q--)
        {
            if (quarters[q - 1] is { } before)
            {
                if (before > value)
                {
                    errors.Add(WriteError.At("served", WriteErrorCodes.ServedDecreases, $"served {value} is less than Q{q}'s {before}: served counts from January, so it cannot fall within a year."));
                }

                break;
            }
        }

        for (var q = quarter + 1; q <= 4; q++)
        {
            if (quarters[q - 1] is { } after)
            {
                if (after < value)
                {
                    errors.Add(WriteError.At("served", WriteErrorCodes.ServedDecreases, $"served {value} is more than Q{q}'s {after}: served counts from January, so it cannot fall within a year."));
                }

                break;
            }
        }
    }

    private static long?[] ServedOf(Dictionary<(int, int, int), long?[]> served, int regionId, int indicatorId, int year)
    {
        if (!served.TryGetValue((regionId, indicatorId, year), out var quarters))
        {
            served[(regionId, indicatorId, year)] = quarters = new long?[4];
        }

        return quarters;
    }

    private static async Task<BatchWriteResult<Achievement>> WriteAsync(WriteSession session, IReadOnlyList<AchievementInput> inputs, State state, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var changes = session.Changes;
        var rows = new Achievement[inputs.Count];
        var storedReports = new HashSet<Report>(state.Reports.Values, ReferenceEqualityComparer.Instance);
        int created = 0, updated = 0, unchanged = 0, audited = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var key = state.Keys[i]!.Value;
            var reportKey = (key.RegionId, key.Year, key.Quarter);
            if (!state.Reports.TryGetValue(reportKey, out var report))
            {
                report = new Report
                {
                    RegionId = key.RegionId,
                    Year = key.Year,
                    Quarter = key.Quarter,
                    ReportingPeriodId = state.Periods[(key.Year, key.Quarter)].Id,
                    Status = ReportStatus.Draft,
                };
                changes.Create(report);
                state.Reports[reportKey] = report;
            }

            if (state.Rows.TryGetValue(key, out var row))
            {
                if (changes.Update(row, r => Assign(r, input)))
                {
                    updated++;
                }
                else
                {
                    unchanged++;
                }
            }
            else
            {
                row = new Achievement
                {
                    RegionId = key.RegionId,
                    IndicatorId = key.IndicatorId,
                    Year = key.Year,
                    Quarter = key.Quarter,
                    Report = report,
                    ReportId = report.Id,
                    OpdId = state.PlanOpds.GetValueOrDefault((key.RegionId, key.IndicatorId, key.Year)),
                };
                Assign(row, input);
                changes.Create(row);
                state.Rows[key] = row;
                created++;

                // A new row changes a stored report: bumping its version makes a concurrent
                // submission of the same report (on PostgreSQL) fail instead of missing the row.
                if (storedReports.Contains(report))
                {
                    changes.Touch(report);
                }
            }

            rows[i] = row;
            if ((i + 1) % ChunkSize == 0 && i + 1 < inputs.Count)
            {
                audited += await session.FlushAsync(cancellationToken);
                progress?.Report(i + 1);
            }
        }

        audited += await session.CommitAsync(cancellationToken);
        progress?.Report(inputs.Count);
        return new BatchWriteResult<Achievement> { Rows = rows, Created = created, Updated = updated, Unchanged = unchanged, AuditEntries = audited };
    }

    private static bool Differs(Achievement row, AchievementInput input) =>
        row.Target != input.Target || row.Served != input.Served || row.QualityRate != input.QualityRate || row.BudgetRealized != input.BudgetRealized;

    /// <summary>The input's figures, and the row back to DRAFT (a corrected row of a REJECTED report is a draft again).</summary>
    private static void Assign(Achievement row, AchievementInput input)
    {
        row.Target = input.Target;
        row.Served = input.Served;
        row.QualityRate = input.QualityRate;
        row.BudgetRealized = input.BudgetRealized;
        row.Status = ReportStatus.Draft;
        row.SubmittedAt = null;
        row.VerifiedAt = null;
    }

    private readonly record struct RowKey(int RegionId, int IndicatorId, int Year, int Quarter);

    /// <summary>What the checks found and the write needs: resolved keys and the stored rows, reports and plan OPDs they touch.</summary>
    private sealed class State(int count, Dictionary<(int Year, int Quarter), ReportingPeriod> periods) : IBatchCheck
    {
        public RowKey?[] Keys { get; } = new RowKey?[count];

        public List<ItemError> Errors { get; } = [];

        public Dictionary<(int Year, int Quarter), ReportingPeriod> Periods { get; } = periods;

        public Dictionary<RowKey, Achievement> Rows { get; private set; } = [];

        public Dictionary<(int RegionId, int Year, int Quarter), Report> Reports { get; private set; } = [];

        public Dictionary<(int RegionId, int IndicatorId, int Year), int?> PlanOpds { get; private set; } = [];

        /// <summary>One query per table for every key of the batch (a superset: regions x indicators x years).</summary>
        public async Task LoadAsync(SpmDbContext db, CancellationToken cancellationToken)
        {
            var keys = Keys.OfType<RowKey>().ToList();
            if (keys.Count == 0)
            {
                return;
            }

            var years = keys.Select(k => k.Year).Distinct().ToList();
            var regionIds = keys.Select(k => k.RegionId).Distinct().ToList();
            var indicatorIds = keys.Select(k => k.IndicatorId).Distinct().ToList();
            Rows = await db.Achievements.AsNoTracking()
                .Where(a => years.Contains(a.Year) && regionIds.Contains(a.RegionId) && indicatorIds.Contains(a.IndicatorId))
                .ToDictionaryAsync(a => new RowKey(a.RegionId, a.IndicatorId, a.Year, a.Quarter), cancellationToken);
            Reports = await db.Reports.AsNoTracking()
                .Where(r => years.Contains(r.Year) && regionIds.Contains(r.RegionId))
                .ToDictionaryAsync(r => (r.RegionId, r.Year, r.Quarter), cancellationToken);
            PlanOpds = await db.Plans.AsNoTracking()
                .Where(p => years.Contains(p.Year) && regionIds.Contains(p.RegionId) && indicatorIds.Contains(p.IndicatorId))
                .Select(p => new { p.RegionId, p.IndicatorId, p.Year, p.OpdId })
                .ToDictionaryAsync(p => (p.RegionId, p.IndicatorId, p.Year), p => p.OpdId, cancellationToken);
        }
    }
}
