// Types for FeatureLoopTests to read: five features of a sample, where Body and Signature use Low and First and
// Second use each other. Never made; one file, so block namespaces.
#pragma warning disable IDE0161, CA1812, CA1822
namespace Bellwether.Core.Tests.Architecture.Sample.Low
{
    internal sealed class Leaf
    {
        public int Size => 1;
    }
}

namespace Bellwether.Core.Tests.Architecture.Sample.Body
{
    internal static class OnlyInside
    {
        // Low is named only inside the body: no field, parameter or result says so.
        public static int Count() => new Low.Leaf().Size;
    }
}

namespace Bellwether.Core.Tests.Architecture.Sample.Signature
{
    internal static class OnlyOutside
    {
        public static Low.Leaf? Find() => null;
    }
}

namespace Bellwether.Core.Tests.Architecture.Sample.First
{
    internal static class Caller
    {
        public static int Call() => Second.Returner.Value();
    }
}

namespace Bellwether.Core.Tests.Architecture.Sample.Second
{
    internal static class Returner
    {
        public static int Value() => 1;

        public static int Back() => First.Caller.Call();
    }
}
