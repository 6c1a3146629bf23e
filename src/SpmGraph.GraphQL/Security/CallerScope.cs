using System.Linq.Expressions;
using System.Security.Claims;
using GraphQL;
using SpmGraph.Domain.Model;
using SpmGraph.Domain.Rules;

namespace SpmGraph.GraphQL.Security;

/// <summary>
/// What the caller may see and change, from its claims. Everyone reads the public view
/// (SUBMITTED and VERIFIED rows, catalogs, plans); NATIONAL reads everything; PROVINCE also reads
/// its own and its kabupaten/kota's drafts; REGION its own. Every list, lookup and aggregate
/// filters through these predicates, so a count never reveals a row the caller cannot read.
/// </summary>
public sealed class CallerScope
{
    private CallerScope(AccessRole? role, string? regionCode)
    {
        Role = role;
        RegionCode = regionCode;
    }

    public static CallerScope Anonymous { get; } = new(null, null);

    public AccessRole? Role { get; }

    /// <summary>The region a PROVINCE or REGION caller speaks for.</summary>
    public string? RegionCode { get; }

    public bool IsNational => Role == AccessRole.National;

    public static CallerScope From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true || !SpmClaims.TryParseRole(user.FindFirst(SpmClaims.Role)?.Value, out var role))
        {
            return Anonymous;
        }

        var region = user.FindFirst(SpmClaims.Region)?.Value;
        return role == AccessRole.National || !string.IsNullOrEmpty(region) ? new CallerScope(role, region) : Anonymous;
    }

    /// <summary>Regions whose unpublished data (drafts, rejections) the caller may read: <see cref="CoversRegion"/> as SQL.</summary>
    public Expression<Func<Region, bool>> Covers() =>
        Inline.Apply<Region, bool>(CoversCodes(), (Expression<Func<Region, string>>)(r => r.Code), (Expression<Func<Region, string?>>)(r => r.Parent!.Code));

    /// <summary>Whether the caller reads this region's unpublished data (by code and parent code), in memory.</summary>
    public bool CoversRegion(string code, string? parentCode) => CoversCodes().Compile(preferInterpretation: true)(code, parentCode);

    /// <summary>Whether the caller is this region itself (a PROVINCE or REGION caller): it enters the region's data and uploads it.</summary>
    public bool SpeaksFor(string regionCode) => Role is AccessRole.Region or AccessRole.Province && RegionCode == regionCode;

    /// <summary>Whether the caller verifies this region's reports: its province, or NATIONAL for a province (no parent).</summary>
    public bool Verifies(string regionCode, string? parentCode) =>
        parentCode is null ? IsNational : Role == AccessRole.Province && RegionCode == parentCode;

    /// <summary>
    /// The read scope, written once: the regions the caller speaks for and those it verifies (NATIONAL: every region),
    /// as a rule over a region's code and its parent's code so that SQL and memory apply the same tree.
    /// </summary>
    private Expression<Func<string, string?, bool>> CoversCodes()
    {
        var own = RegionCode;
        return Role switch
        {
            AccessRole.National => (code, parent) => true,
            AccessRole.Province => (code, parent) => code == own || parent == own,
            AccessRole.Region => (code, parent) => code == own,
            _ => (code, parent) => false,
        };
    }

    /// <summary>Audit entries the caller may read: none for the public, those of its regions (and of reporting periods) otherwise.</summary>
    public Expression<Func<AuditEntry, bool>> AuditVisible()
    {
        if (IsNational)
        {
            return e => true;
        }

        if (Role is null)
        {
            return e => false;
        }

        var covers = Covers();
        var entry = Expression.Parameter(typeof(AuditEntry), "e");
        var region = Expression.Property(entry, nameof(AuditEntry.Region));
        var body = Expression.OrElse(
            Expression.Equal(Expression.Property(entry, nameof(AuditEntry.RegionId)), Expression.Constant(null, typeof(int?))),
            Expression.AndAlso(Expression.NotEqual(region, Expression.Constant(null, typeof(Region))), Inline.Body(covers, region)));
        return Expression.Lambda<Func<AuditEntry, bool>>(body, entry);
    }

    /// <summary>Rows the caller may read: published ones, and all of the regions it covers.</summary>
    public Expression<Func<T, bool>>? Visible<T>(Expression<Func<T, ReportStatus>> status, Expression<Func<T, Region>> region)
    {
        if (IsNational)
        {
            return null;
        }

        var row = status.Parameters[0];
        var statusOf = status.Body;
        Expression published = Expression.OrElse(
            Expression.Equal(statusOf, Expression.Constant(ReportStatus.Submitted)),
            Expression.Equal(statusOf, Expression.Constant(ReportStatus.Verified)));
        if (Role is not null)
        {
            var covers = Covers();
            var regionOf = Inline.Body(region, row);
            published = Expression.OrElse(published, Inline.Body(covers, regionOf));
        }

        return Expression.Lambda<Func<T, bool>>(published, row);
    }
}

public static class CallerScopeExtensions
{
    /// <summary>The caller's scope, from the user the transport put on the request.</summary>
    public static CallerScope Scope(this IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CallerScope.From(context.User);
    }

    /// <summary>Only the rows the caller may read.</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> rows, CallerScope scope, Expression<Func<T, ReportStatus>> status, Expression<Func<T, Region>> region)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Visible(status, region) is { } visible ? rows.Where(visible) : rows;
    }
}
