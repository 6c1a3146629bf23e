using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;

namespace SpmGraph.GraphQL;

/// <summary>The SpmGraph schema: queries over the SPM domain, and the writes of data entry and reporting.</summary>
public sealed class SpmSchema : Schema
{
    public SpmSchema(IServiceProvider services, QueryGraphType query, MutationGraphType mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;

        // Introspection as the October 2021 spec has it, which clients such as graphql-js's getIntrospectionQuery ask for:
        // `__Directive.isRepeatable`, and `includeDeprecated`/`isDeprecated` on arguments and input fields.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        RegisterVisitor(new IntrospectionCompletion());
    }

    /// <summary>What GraphQL.NET 8's introspection lacks or gets wrong, set right once the schema's types exist.</summary>
    private sealed class IntrospectionCompletion : BaseSchemaNodeVisitor
    {
        public override void VisitSchema(ISchema schema)
        {
            // `__type(name: "")` throws in GraphQL.NET; like any name no type has, it answers null.
            var typeField = schema.TypeMetaFieldType;
            var lookup = typeField.Resolver!;
            typeField.Resolver = new FuncFieldResolver<object>(context =>
                context.GetArgument<string>("name") is { Length: > 0 } ? lookup.ResolveAsync(context) : default);

            // `__Type.specifiedByURL` is missing. No scalar here names a specification (built-in ones must not), so it is
            // null for every type.
            if (schema.AllTypes["__Type"] is IObjectGraphType type && !type.HasField("specifiedByURL"))
            {
                type.AddField(new FieldType
                {
                    Name = "specifiedByURL",
                    Description = "A URL that specifies the behaviour of a custom scalar; null for every type of this schema.",
                    ResolvedType = schema.AllTypes["String"],
                    Resolver = new FuncFieldResolver<object>(_ => null),
                });
            }

            // graphql-js asks `__Directive.args(includeDeprecated: true)` too; no directive argument here is deprecated.
            if (schema.AllTypes["__Directive"] is IObjectGraphType directive && directive.GetField("args") is { } args
                && args.Arguments?.Find("includeDeprecated") is null)
            {
                args.Arguments ??= [];
                args.Arguments.Add(new QueryArgument(new BooleanGraphType()) { Name = "includeDeprecated", DefaultValue = false, ResolvedType = schema.AllTypes["Boolean"] });
            }

            Limits.QueryCost.PriceIntrospection(schema);
        }
    }
}
