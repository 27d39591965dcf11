#pragma once

#include "distributed/distributedenvironment.h"
#include "util/expected.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace equiscope {

/// The ranks of one data-parallel run, joined through LibTorch's c10d: a TCPStore rendezvous at
/// MASTER_ADDR:MASTER_PORT (served by rank 0) and a Gloo process group over TCP. This header is
/// LibTorch-free; the tensor collectives a training step needs (gathering a batch's rows,
/// reducing gradients) are in dataparallelops_p.h. docs/design/distributed.md has the design.
class DataParallelGroup
{
public:
    /// Joins the run described by @p env: waits at most env.connectTimeoutSeconds for every rank.
    /// The error says what went wrong in words (the port is in use, the master cannot be
    /// reached, a rank never arrived), never hangs.
    static Expected<std::shared_ptr<DataParallelGroup>> join(const DistributedEnvironment &env);
    ~DataParallelGroup();
    DataParallelGroup(const DataParallelGroup &) = delete;
    DataParallelGroup &operator=(const DataParallelGroup &) = delete;

    int rank() const;
    int worldSize() const;
    const DistributedEnvironment &environment() const;
    /// The host name of every rank, by rank.
    QStringList hosts() const;
    /// {"backend": "gloo", "world_size": N, "hosts": [...]} for a run's environment record.
    QJsonObject toJson() const;

    /// Whether a collective failed: another rank died or stopped answering. The run cannot go
    /// on, but it was not wrong either: it is interrupted, and resumes from its last checkpoint.
    bool lostContact() const;
    /// Seconds spent in collectives so far: moving data and waiting for the slowest rank.
    double communicationSeconds() const;

    /// Every rank must train the same thing: compares each rank's @p fingerprint (a digest of
    /// its config and dataset) with rank 0's. On a mismatch every rank gets an error that names
    /// the ranks that differ.
    Expected<Done> checkSameRun(const QByteArray &fingerprint);
    /// Rank 0's @p bytes on every rank (other ranks' @p bytes are ignored).
    Expected<QByteArray> broadcastFromRankZero(const QByteArray &bytes);

    struct Private;
    Private &impl() { return *d; }

private:
    DataParallelGroup();
    std::unique_ptr<Private> d;
};

} // namespace equiscope
