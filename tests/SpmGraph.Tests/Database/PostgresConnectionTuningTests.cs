using Npgsql;
using SpmGraph.Server.Database;

namespace SpmGraph.Tests.Database;

public sealed class PostgresConnectionTuningTests
{
    [Fact]
    public void Statements_are_prepared_and_connections_not_reset_by_default()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionTuning.Tuned("Host=db;Database=spm;Username=spm;Password=secret"));

        Assert.Equal(PostgresConnectionTuning.AutoPreparedStatements, tuned.MaxAutoPrepare);
        Assert.Equal(2, tuned.AutoPrepareMinUsages);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("secret", tuned.Password);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0, true)]
    [InlineData("Host=db;MaxAutoPrepare=7;NoResetOnClose=false", 7, false)]
    [InlineData("Host=db;no reset on close=False", PostgresConnectionTuning.AutoPreparedStatements, false)]
    public void A_setting_the_connection_string_gives_is_kept(string connectionString, int maxAutoPrepare, bool noResetOnClose)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionTuning.Tuned(connectionString));

        Assert.Equal(maxAutoPrepare, tuned.MaxAutoPrepare);
        Assert.Equal(noResetOnClose, tuned.NoResetOnClose);
    }
}
