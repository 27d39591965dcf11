#include "util/environment.h"

#include <QFile>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>

#include <opencv2/core/version.hpp>
#include <torch/torch.h>

namespace equiscope {

QJsonObject EnvironmentInfo::toJson() const
{
    return QJsonObject{{QStringLiteral("equiscope"), equiscopeVersion},
                       {QStringLiteral("qt"), qtVersion},
                       {QStringLiteral("libtorch"), torchVersion},
                       {QStringLiteral("opencv"), openCvVersion},
                       {QStringLiteral("blas"), blasLibrary},
                       {QStringLiteral("blasOptimised"), blasIsOptimised},
                       {QStringLiteral("threads"), torchThreads},
                       {QStringLiteral("cuda"), cudaAvailable}};
}

QString EnvironmentInfo::toText() const
{
    return QStringLiteral(
               "Equiscope %1\nQt %2\nLibTorch %3\nOpenCV %4\nBLAS %5%6\nthreads %7\nCUDA %8\n")
        .arg(equiscopeVersion, qtVersion, torchVersion, openCvVersion, blasLibrary,
             blasIsOptimised ? QString()
                             : QStringLiteral(" (reference BLAS: matrix products ~50x slower; "
                                              "install libopenblas0-openmp)"))
        .arg(torchThreads)
        .arg(cudaAvailable ? QStringLiteral("available") : QStringLiteral("not available"));
}

int configureTorchThreads(int threads)
{
    if (threads <= 0) {
        // All cores, shared by the ranks a data-parallel launcher started on this machine
        // (LOCAL_WORLD_SIZE, as torchrun and `equiscope-cli train --nproc` set it).
        bool ok = false;
        const int ranksHere = qEnvironmentVariableIntValue("LOCAL_WORLD_SIZE", &ok);
        threads = std::max(1, QThread::idealThreadCount() / (ok && ranksHere > 1 ? ranksHere : 1));
    }
    torch::set_num_threads(threads);
    return torch::get_num_threads();
}

EnvironmentInfo environmentInfo()
{
    EnvironmentInfo e;
#ifdef EQUISCOPE_VERSION
    e.equiscopeVersion = QStringLiteral(EQUISCOPE_VERSION);
#endif
    e.qtVersion = QString::fromLatin1(qVersion());
    e.torchVersion = QStringLiteral("%1.%2.%3")
                         .arg(TORCH_VERSION_MAJOR)
                         .arg(TORCH_VERSION_MINOR)
                         .arg(TORCH_VERSION_PATCH);
    e.openCvVersion = QStringLiteral(CV_VERSION);
    {
        // A real product forces the BLAS library to be mapped, so /proc/self/maps names it.
        torch::NoGradGuard guard;
        auto a = torch::ones({64, 64});
        (void)torch::mm(a, a).sum().item<float>();
    }
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (maps.open(QIODevice::ReadOnly)) {
        const QString text = QString::fromLatin1(maps.readAll());
        static const QRegularExpression re(
            QStringLiteral("(/\\S*(openblas|blis|mkl_rt|libblas)\\S*\\.so[^\\s]*)"));
        auto it = re.globalMatch(text);
        QString found;
        while (it.hasNext()) {
            const QString lib = it.next().captured(1);
            if (found.isEmpty() || lib.contains(QLatin1String("openblas")) ||
                lib.contains(QLatin1String("blis")) || lib.contains(QLatin1String("mkl")))
                found = lib;
        }
        e.blasLibrary = found.isEmpty() ? QStringLiteral("unknown") : found;
    }
    e.blasIsOptimised = e.blasLibrary.contains(QLatin1String("openblas")) ||
                        e.blasLibrary.contains(QLatin1String("blis")) ||
                        e.blasLibrary.contains(QLatin1String("mkl"));
    e.torchThreads = torch::get_num_threads();
    e.cudaAvailable = torch::cuda::is_available();
    return e;
}

int cudaDeviceCount()
{
    return torch::cuda::is_available() ? int(torch::cuda::device_count()) : 0;
}

} // namespace equiscope
