using GraphQL.Types;
using SpmGraph.Domain.Model;
using SpmGraph.Domain.Writing;
using SpmGraph.GraphQL.Common;

namespace SpmGraph.GraphQL.Reports;

/// <summary>Names a region's quarterly report.</summary>
public abstract class ReportStepInputGraphType : InputObjectGraphType<ReportInput>
{
    protected ReportStepInputGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Field(i => i.RegionCode).Description("Kemendagri code, e.g. \"19.71\".");
        Field(i => i.Year);
        Field(i => i.Quarter).Description("Triwulan, 1-4.");
        Field(i => i.ExpectedVersion, nullable: true).Description("The report's `version` as read; when given and the report has changed since, the step is refused with CONFLICT.");
    }
}

public sealed class SubmitReportInputGraphType() : ReportStepInputGraphType("SubmitReportInput", "The report to submit.");

public sealed class VerifyReportInputGraphType() : ReportStepInputGraphType("VerifyReportInput", "The report to verify.");

public sealed class ReopenReportInputGraphType() : ReportStepInputGraphType("ReopenReportInput", "The report to reopen.");

/// <summary>rejectReport's input: the report and why.</summary>
public sealed class RejectReportInput
{
    public string RegionCode { get; set; } = "";

    public int Year { get; set; }

    public int Quarter { get; set; }

    public string Reason { get; set; } = "";

    public int? ExpectedVersion { get; set; }

    public ReportInput ToReportInput() => new() { RegionCode = RegionCode, Year = Year, Quarter = Quarter, ExpectedVersion = ExpectedVersion };
}

public sealed class RejectReportInputGraphType : InputObjectGraphType<RejectReportInput>
{
    public RejectReportInputGraphType()
    {
        Name = "RejectReportInput";
        Description = "The report to reject, and why.";
        Field(i => i.RegionCode).Description("Kemendagri code, e.g. \"19.71\".");
        Field(i => i.Year);
        Field(i => i.Quarter).Description("Triwulan, 1-4.");
        Field(i => i.Reason).Description($"What the region must correct; not blank, at most {WriteRules.MaxRejectionReasonLength} characters.");
        Field(i => i.ExpectedVersion, nullable: true).Description("The report's `version` as read; when given and the report has changed since, the step is refused with CONFLICT.");
    }
}

public sealed class UpsertReportingPeriodInputGraphType : InputObjectGraphType<ReportingPeriodInput>
{
    public UpsertReportingPeriodInputGraphType()
    {
        Name = "UpsertReportingPeriodInput";
        Description = "The input window of one quarter's reports.";
        Field(i => i.Year);
        Field(i => i.Quarter).Description("Triwulan, 1-4.");
        Field(i => i.OpensAt).Description("When input opens; an instant without an offset is UTC.");
        Field(i => i.ClosesAt).Description("Reports submitted before this instant are on time; after opensAt.");
        Field(i => i.ExpectedVersion, nullable: true).Description("The period's `version` as read; when given and the period has changed since, the write is refused with CONFLICT. 0: it must not exist yet.");
    }
}

public sealed class SubmitReportPayloadGraphType() : PayloadGraphType<Report, ReportGraphType>("SubmitReportPayload", "report", "The report as submitted, or why it was refused.");

public sealed class VerifyReportPayloadGraphType() : PayloadGraphType<Report, ReportGraphType>("VerifyReportPayload", "report", "The report as verified, or why it was refused.");

public sealed class RejectReportPayloadGraphType() : PayloadGraphType<Report, ReportGraphType>("RejectReportPayload", "report", "The report as rejected, or why it was refused.");

public sealed class ReopenReportPayloadGraphType() : PayloadGraphType<Report, ReportGraphType>("ReopenReportPayload", "report", "The report as reopened, or why it was refused.");

public sealed class UpsertReportingPeriodPayloadGraphType() : PayloadGraphType<ReportingPeriod, ReportingPeriodGraphType>(
    "UpsertReportingPeriodPayload", "reportingPeriod", "The reporting period as written, or why it was refused.");
