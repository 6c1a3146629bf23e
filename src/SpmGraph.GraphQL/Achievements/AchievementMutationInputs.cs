using GraphQL.Types;
using SpmGraph.Domain.Model;
using SpmGraph.Domain.Writing;
using SpmGraph.GraphQL.Common;

namespace SpmGraph.GraphQL.Achievements;

public sealed class RecordAchievementInputGraphType : InputObjectGraphType<AchievementInput>
{
    public RecordAchievementInputGraphType()
    {
        Name = "RecordAchievementInput";
        Description = "One quarterly achievement row, by region and indicator code. The input states the whole row.";
        Field(i => i.RegionCode).Description("Kemendagri code, e.g. \"19.71\".");
        Field(i => i.IndicatorCode).Description("Jenis code, e.g. \"KES.KK.01\"; provinces report the provinsi jenis, kab/kota the kab/kota jenis.");
        Field(i => i.Year);
        Field(i => i.Quarter).Description("Triwulan, 1-4.");
        Field(i => i.Target).Description("Entitled recipients for the year; not negative.");
        Field(i => i.Served).Description("Served since January, cumulative to the end of the quarter; not negative, and not below an earlier quarter's nor above a later quarter's.");
        Field(i => i.QualityRate, nullable: true).Description("Mutu fulfilment in percent, 0-100; null when not reported.");
        Field(i => i.BudgetRealized).Description("Budget realised in this quarter (not the year so far), whole rupiah; not negative.");
        Field(i => i.ExpectedVersion, nullable: true).Description("The row's `version` as read; when given and the row has changed since, the write is refused with CONFLICT. 0: the row must not exist yet.");
    }
}

public sealed class RecordAchievementPayloadGraphType() : PayloadGraphType<Achievement, AchievementGraphType>(
    "RecordAchievementPayload", "achievement", "The achievement row as recorded, or why it was refused.");
