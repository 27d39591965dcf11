#include "losses/losskernels_p.h"

#include <QByteArray>
#include <QtGlobal>

#include <atomic>

namespace equiscope::lossdetail::kernels {

namespace {

std::atomic<int> g_forced{int(Isa::Auto)};

Isa fromEnvironment()
{
    // EQUISCOPE_LOSS_KERNELS=generic|avx2|avx512 pins a variant (benchmarks, CPU comparisons).
    const QByteArray v = qgetenv("EQUISCOPE_LOSS_KERNELS").toLower();
    if (v == "generic")
        return Isa::Generic;
    if (v == "avx2")
        return Isa::Avx2;
    if (v == "avx512")
        return Isa::Avx512;
    return Isa::Auto;
}

Isa bestIsa()
{
    static const Isa best = [] {
        const Isa env = fromEnvironment();
        if (env != Isa::Auto && cpuSupports(env))
            return env;
        if (cpuSupports(Isa::Avx512))
            return Isa::Avx512;
        if (cpuSupports(Isa::Avx2))
            return Isa::Avx2;
        return Isa::Generic;
    }();
    return best;
}

} // namespace

bool cpuSupports(Isa isa)
{
    switch (isa) {
    case Isa::Auto:
    case Isa::Generic:
        return true;
#if defined(__x86_64__)
    case Isa::Avx2:
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case Isa::Avx512:
        return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
               __builtin_cpu_supports("fma");
#else
    default:
        return false;
#endif
    }
    return false;
}

bool setIsa(Isa isa)
{
    if (!cpuSupports(isa))
        return false;
    g_forced = int(isa);
    return true;
}

const Table<float> &floatTable()
{
    Isa isa = Isa(g_forced.load(std::memory_order_relaxed));
    if (isa == Isa::Auto)
        isa = bestIsa();
    switch (isa) {
#if defined(__x86_64__)
    case Isa::Avx512:
        return avx512Float();
    case Isa::Avx2:
        return avx2Float();
#endif
    default:
        return genericFloat();
    }
}

const Table<double> &doubleTable()
{
    return genericDouble();
}

} // namespace equiscope::lossdetail::kernels
