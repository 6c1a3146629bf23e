using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Writing;

/// <summary>One line of a region's rencana aksi: the input of upsertPlan and of each plan import line.</summary>
public sealed record PlanInput
{
    public string RegionCode { get; init; } = "";

    public string IndicatorCode { get; init; } = "";

    public int Year { get; init; }

    /// <summary>The responsible OPD (its row id); it must belong to the plan's region.</summary>
    public int? OpdId { get; init; }

    public long Target { get; init; }

    public long UnitCost { get; init; }

    public long BudgetAllocated { get; init; }

    /// <summary>Permendagri 90/2019 program code, e.g. "1.02.02"; null for none.</summary>
    public string? ProgramCode { get; init; }

    /// <summary>The plan's own budget need (services costed per facility); null: target x unitCost.</summary>
    public long? BudgetNeeded { get; init; }

    /// <summary>The action-plan period's name; null: the stored one, else the region's period that covers the year.</summary>
    public string? PlanPeriod { get; init; }

    /// <summary>When given, the write fails with CONFLICT unless the plan is at this version (0: it must not exist yet).</summary>
    public int? ExpectedVersion { get; init; }
}

/// <summary>Creates or updates plan lines, keyed by region, indicator and year; a batch writes every line or none.</summary>
public sealed partial class PlanWriter(IDbContextFactory<SpmDbContext> contexts, TimeProvider clock)
{
    public Task<WriteResult<Plan>> UpsertAsync(PlanInput input, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return BatchWrite.OneAsync(UpsertManyAsync([input], actor, null, cancellationToken));
    }

    public Task<BatchWriteResult<Plan>> UpsertManyAsync(IReadOnlyList<PlanInput> inputs, string actor, BatchWriteOptions? options, CancellationToken cancellationToken) =>
        BatchWrite.RunAsync<PlanInput, Plan, State>(contexts, clock, actor, inputs, options, CheckAsync, WriteAsync, cancellationToken);

    private static async Task<State> CheckAsync(SpmDbContext db, IReadOnlyList<PlanInput> inputs, CancellationToken cancellationToken)
    {
        var catalog = await WriteCatalog.LoadAsync(db, inputs.Select(i => i.RegionCode), inputs.Select(i => i.IndicatorCode), cancellationToken);
        var opdIds = inputs.Where(i => i.OpdId is not null).Select(i => i.OpdId!.Value).Distinct().ToList();
        var opds = await db.Opds.AsNoTracking().Where(o => opdIds.Contains(o.Id))
            .Select(o => new { o.Id, o.RegionId, o.Name })
            .ToDictionaryAsync(o => o.Id, o => (o.RegionId, o.Name), cancellationToken);
        var state = new State(inputs.Count);
        var itemErrors = new List<WriteError>[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var errors = itemErrors[i] = [];
            WriteRules.CheckYear(input.Year, errors);
            WriteRules.CheckNotNegative("target", input.Target, errors);
            WriteRules.CheckNotNegative("unitCost", input.UnitCost, errors);
            WriteRules.CheckNotNegative("budgetAllocated", input.BudgetAllocated, errors);
            if (input.BudgetNeeded is { } needed)
            {
                WriteRules.CheckNotNegative("budgetNeeded", needed, errors);
            }
            else if (input.Target >= 0 && input.UnitCost >= 0 && input.UnitCost != 0 && input.Target > long.MaxValue / input.UnitCost)
            {
                errors.Add(WriteError.At("unitCost", WriteErrorCodes.OutOfRange, $"target x unitCost ({input.Target} x {input.UnitCost}) is too large to be a budget."));
            }

            if (NormalizeProgramCode(input.ProgramCode) is { } program)
            {
                if (program.Length > WriteRules.MaxProgramCodeLength)
                {
                    errors.Add(WriteError.At("programCode", WriteErrorCodes.TooLong, $"programCode has at most {WriteRules.MaxProgramCodeLength} characters."));
                }
                else if (!ProgramCodePattern().IsMatch(program))
                {
                    errors.Add(WriteError.At("programCode", WriteErrorCodes.InvalidFormat, $"programCode \"{program}\" is not a Permendagri 90/2019 code such as \"1.02.02\"."));
                }
            }

            if (input.PlanPeriod is { Length: > WriteRules.MaxPlanPeriodLength })
            {
                errors.Add(WriteError.At("planPeriod", WriteErrorCodes.TooLong, $"planPeriod has at most {WriteRules.MaxPlanPeriodLength} characters."));
            }

            var region = catalog.Region(input.RegionCode, errors);
            var indicator = catalog.Indicator(input.IndicatorCode, errors);
            var levelFits = region is not null && indicator is not null && WriteCatalog.CheckLevel(region, indicator, errors);
            if (input.OpdId is { } opdId)
            {
                if (!opds.TryGetValue(opdId, out var opd))
                {
                    errors.Add(WriteError.At("opdId", WriteErrorCodes.UnknownOpd, "No OPD has this id."));
                }
                else if (region is not null && opd.RegionId != region.Id)
                {
                    errors.Add(WriteError.At("opdId", WriteErrorCodes.OpdOfOtherRegion, $"{opd.Name} is an OPD of another region than {region.Code} ({region.Name})."));
                }
            }

            if (levelFits && !errors.Any(e => e.Code == WriteErrorCodes.InvalidYear))
            {
                state.Keys[i] = new PlanKey(region!.Id, indicator!.Id, input.Year);
            }
        }

        await state.LoadAsync(db, cancellationToken);
        var firstLine = new Dictionary<PlanKey, int>();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (state.Keys[i] is not { } key)
            {
                continue;
            }

            if (!firstLine.TryAdd(key, i))
            {
                itemErrors[i].Add(WriteError.Whole(WriteErrorCodes.DuplicateRow, $"The same region, indicator and year as item {firstLine[key] + 1}."));
                continue;
            }

            WriteRules.CheckVersion(inputs[i].ExpectedVersion, state.Plans.GetValueOrDefault(key)?.Version, "plan", itemErrors[i]);
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            state.Errors.AddRange(itemErrors[i].Select(e => new ItemError(i, e)));
        }

        return state;
    }

    private static async Task<BatchWriteResult<Plan>> WriteAsync(WriteSession session, IReadOnlyList<PlanInput> inputs, State state, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var rows = new Plan[inputs.Count];
        int created = 0, updated = 0, unchanged = 0, audited = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var key = state.Keys[i]!.Value;
            var wanted = new Plan
            {
                RegionId = key.RegionId,
                IndicatorId = key.IndicatorId,
                Year = key.Year,
                OpdId = input.OpdId,
                Target = input.Target,
                UnitCost = input.UnitCost,
                BudgetNeeded = input.BudgetNeeded ?? (input.Target * input.UnitCost),
                BudgetNeededIsExplicit = input.BudgetNeeded is not null,
                BudgetAllocated = input.BudgetAllocated,
                ProgramCode = NormalizeProgramCode(input.ProgramCode),
            };

            if (state.Plans.TryGetValue(key, out var plan))
            {
                wanted.PlanPeriod = input.PlanPeriod?.Trim() ?? plan.PlanPeriod;
                if (session.Changes.Update(plan, p => Assign(p, wanted)))
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
                wanted.PlanPeriod = input.PlanPeriod?.Trim() ?? state.PeriodCovering(key.RegionId, key.Year);
                plan = wanted;
                session.Changes.Create(plan);
                state.Plans[key] = plan;
                created++;
            }

            rows[i] = plan;
            if ((i + 1) % AchievementWriter.ChunkSize == 0 && i + 1 < inputs.Count)
            {
                audited += await session.FlushAsync(cancellationToken);
                progress?.Report(i + 1);
            }
        }

        audited += await session.CommitAsync(cancellationToken);
        progress?.Report(inputs.Count);
        return new BatchWriteResult<Plan> { Rows = rows, Created = created, Updated = updated, Unchanged = unchanged, AuditEntries = audited };
    }

    private static string? NormalizeProgramCode(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();

    private static void Assign(Plan plan, Plan wanted)
    {
        plan.OpdId = wanted.OpdId;
        plan.Target = wanted.Target;
        plan.UnitCost = wanted.UnitCost;
        plan.BudgetNeeded = wanted.BudgetNeeded;
        plan.BudgetNeededIsExplicit = wanted.BudgetNeededIsExplicit;
        plan.BudgetAllocated = wanted.BudgetAllocated;
        plan.ProgramCode = wanted.ProgramCode;
        plan.PlanPeriod = wanted.PlanPeriod;
    }

    // Permendagri 90/2019: digit groups separated by dots; X stands in for cross-cutting urusan ("X.XX.01").
    [GeneratedRegex(@"^[0-9X]+(\.[0-9X]+)*$")]
    private static partial Regex ProgramCodePattern();

    // "Periode 2023 - 2028"
    [GeneratedRegex(@"(\d{4})\s*-\s*(\d{4})")]
    private static partial Regex PeriodYears();

    private readonly record struct PlanKey(int RegionId, int IndicatorId, int Year);

    private sealed class State(int count) : IBatchCheck
    {
        private Dictionary<int, List<string>> _regionPeriods = [];

        public PlanKey?[] Keys { get; } = new PlanKey?[count];

        public List<ItemError> Errors { get; } = [];

        public Dictionary<PlanKey, Plan> Plans { get; private set; } = [];

        public async Task LoadAsync(SpmDbContext db, CancellationToken cancellationToken)
        {
            var keys = Keys.OfType<PlanKey>().ToList();
            if (keys.Count == 0)
            {
                return;
            }

            var years = keys.Select(k => k.Year).Distinct().ToList();
            var regionIds = keys.Select(k => k.RegionId).Distinct().ToList();
            var indicatorIds = keys.Select(k => k.IndicatorId).Distinct().ToList();
            Plans = await db.Plans.AsNoTracking()
                .Where(p => years.Contains(p.Year) && regionIds.Contains(p.RegionId) && indicatorIds.Contains(p.IndicatorId))
                .ToDictionaryAsync(p => new PlanKey(p.RegionId, p.IndicatorId, p.Year), cancellationToken);
            var periods = await db.Plans.AsNoTracking().Where(p => regionIds.Contains(p.RegionId))
                .Select(p => new { p.RegionId, p.PlanPeriod }).Distinct().ToListAsync(cancellationToken);
            _regionPeriods = periods.GroupBy(p => p.RegionId).ToDictionary(g => g.Key, g => g.Select(p => p.PlanPeriod).ToList());
        }

        /// <summary>The region's action-plan period that covers the year, e.g. "Periode 2023 - 2028"; else "Periode YEAR".</summary>
        public string PeriodCovering(int regionId, int year)
        {
            foreach (var name in _regionPeriods.GetValueOrDefault(regionId) ?? [])
            {
                var match = PeriodYears().Match(name);
                if (match.Success
                    && int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) <= year
                    && year <= int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture))
                {
                    return name;
                }
            }

            return string.Create(CultureInfo.InvariantCulture, $"Periode {year}");
        }
    }
}
