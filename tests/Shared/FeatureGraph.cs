using System.Reflection;
using System.Reflection.Emit;

namespace Bellwether.Testing;

/// <summary>
/// Which feature of an assembly uses which, read from the compiled code: every type a type names in its
/// signatures (base, interfaces, fields, properties, parameters, results, generic arguments) and in its method
/// bodies (calls, fields, types, tokens). A feature is the namespace segment after the assembly's root
/// (<c>Bellwether.Core.Plans.Status</c> belongs to <c>Plans</c>); types directly in the root namespace belong to no
/// feature and are free to be used by all.
/// </summary>
/// <remarks>
/// Read from IL rather than from <c>using</c> lines because a type in <c>Bellwether.Core.Forecasting.Model</c>
/// reaches <c>Bellwether.Core.Forecasting</c> without one, and a fully qualified name needs none either.
/// </remarks>
public sealed class FeatureGraph
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const int MaxExamples = 3;

    private readonly string _root;
    private readonly Dictionary<(string From, string To), SortedSet<string>> _edges = [];

    private FeatureGraph(string root) => _root = root;

    /// <summary>Each use of one feature by another, with the type pairs (<c>UsingType → UsedType</c>) that make it.</summary>
    public IReadOnlyDictionary<(string From, string To), SortedSet<string>> Edges => _edges;

    public static FeatureGraph Of(Assembly assembly, string rootNamespace)
    {
        var graph = new FeatureGraph(rootNamespace);
        foreach (var type in assembly.GetTypes())
            graph.Add(type);
        return graph;
    }

    /// <summary>Every loop between features (strongly connected sets of more than one), each as its members' names sorted.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Loops()
    {
        var next = _edges.Keys.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var loops = new List<IReadOnlyList<string>>();

        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in next.GetValueOrDefault(v) ?? [])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w) && index.TryGetValue(w, out var wIndex))
                {
                    low[v] = Math.Min(low[v], wIndex);
                }
            }

            if (low[v] != index[v])
                return;
            var members = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                members.Add(member);
            }
            while (member != v);
            if (members.Count > 1)
                loops.Add([.. members.Order(StringComparer.Ordinal)]);
        }

        foreach (var feature in next.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(feature))
                Visit(feature);
        }

        return loops;
    }

    /// <summary>A loop described by the uses that make it, one line per edge inside it.</summary>
    public string Describe(IReadOnlyList<string> loop) =>
        string.Join(
            Environment.NewLine,
            _edges.Where(e => loop.Contains(e.Key.From) && loop.Contains(e.Key.To))
                .OrderBy(e => e.Key.From, StringComparer.Ordinal)
                .ThenBy(e => e.Key.To, StringComparer.Ordinal)
                .Select(e => $"  {e.Key.From} → {e.Key.To}: {string.Join("; ", e.Value.Take(MaxExamples))}"
                    + (e.Value.Count > MaxExamples ? $" and {e.Value.Count - MaxExamples} more" : "")));

    private string? FeatureOf(Type type)
    {
        while (type.IsNested)
            type = type.DeclaringType!;
        var ns = type.Namespace;
        if (ns is null || !ns.StartsWith(_root + ".", StringComparison.Ordinal))
            return null;
        var rest = ns[(_root.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private void Add(Type type)
    {
        var from = FeatureOf(type);
        if (from is null)
            return;

        void Use(Type? used)
        {
            if (used is null)
                return;
            if (used.HasElementType)
            {
                Use(used.GetElementType());
                return;
            }

            if (used.IsGenericType && !used.IsGenericTypeDefinition)
            {
                foreach (var argument in used.GetGenericArguments())
                    Use(argument);
                used = used.GetGenericTypeDefinition();
            }

            if (used.IsGenericParameter)
                return;
            var to = FeatureOf(used);
            if (to is null || to == from)
                return;
            if (!_edges.TryGetValue((from, to), out var uses))
                _edges[(from, to)] = uses = new SortedSet<string>(StringComparer.Ordinal);
            uses.Add($"{Name(type)} → {Name(used)}");
        }

        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
            | BindingFlags.Static | BindingFlags.DeclaredOnly;
        Use(type.BaseType);
        foreach (var face in type.GetInterfaces())
            Use(face);
        foreach (var field in type.GetFields(Declared))
            Use(field.FieldType);
        foreach (var property in type.GetProperties(Declared))
            Use(property.PropertyType);
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
                Use(info.ReturnType);
            foreach (var parameter in method.GetParameters())
                Use(parameter.ParameterType);
            var body = method.GetMethodBody();
            if (body is null)
                continue;
            foreach (var local in body.LocalVariables)
                Use(local.LocalType);
            foreach (var member in MembersNamedBy(method, body.GetILAsByteArray() ?? []))
            {
                switch (member)
                {
                    case Type t:
                        Use(t);
                        break;
                    case FieldInfo f:
                        Use(f.DeclaringType);
                        Use(f.FieldType);
                        break;
                    case MethodBase m:
                        Use(m.DeclaringType);
                        if (m is MethodInfo { IsGenericMethod: true } generic)
                        {
                            foreach (var argument in generic.GetGenericArguments())
                                Use(argument);
                        }

                        break;
                }
            }
        }
    }

    /// <summary>The members and types a method body's instructions name by token.</summary>
    private static IEnumerable<MemberInfo> MembersNamedBy(MethodBase method, byte[] il)
    {
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            short value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var code = OpCodesByValue[value];
            switch (code.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    yield return method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments)!;
                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    at += 8;
                    break;
                case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.InlineSig
                    or OperandType.InlineString or OperandType.ShortInlineR:
                    at += 4;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    at += 1;
                    break;
            }
        }
    }

    private static string Name(Type type) => type.IsNested ? $"{Name(type.DeclaringType!)}.{type.Name}" : type.Name;
}
