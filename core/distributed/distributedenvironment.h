#pragma once

#include "util/expected.h"

#include <QProcessEnvironment>
#include <QString>

#include <optional>

namespace equiscope {

/// Where this process sits in a data-parallel run, read from the launch variables of `torchrun`
/// (RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR, MASTER_PORT), which `equiscope-cli train --nproc`
/// and Slurm's `srun` wrapper set the same way (docs/guide/scaling-out.md).
struct DistributedEnvironment
{
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    QString masterAddress;
    quint16 masterPort = 0;
    /// How long ranks wait for each other to arrive (the TCP rendezvous), in seconds
    /// (EQUISCOPE_DIST_CONNECT_TIMEOUT, default 60).
    int connectTimeoutSeconds = 60;
    /// How long one collective may wait for a slow rank, in seconds (EQUISCOPE_DIST_TIMEOUT,
    /// default 1800: rank 0 evaluates between epochs while the others wait). A rank that dies is
    /// noticed at once, through its closed connection, not after this timeout.
    int collectiveTimeoutSeconds = 1800;
    /// torchrun's agent already serves the rendezvous store at MASTER_PORT
    /// (TORCHELASTIC_USE_AGENT_STORE=True): rank 0 connects to it instead of serving one.
    bool launcherServesStore = false;

    bool isDistributed() const { return worldSize > 1; }

    /// The environment of @p env: no value when none of the variables is set (a one-process
    /// run); a DataError naming the variable when some are set but one is missing or malformed.
    static Expected<std::optional<DistributedEnvironment>>
    fromEnvironment(const QProcessEnvironment &env);
    /// fromEnvironment() of this process.
    static Expected<std::optional<DistributedEnvironment>> fromProcess();
    /// The variables a worker of rank @p rank needs, for launchers (`train --nproc`).
    static QProcessEnvironment workerEnvironment(QProcessEnvironment base, int rank, int worldSize,
                                                 const QString &masterAddress, quint16 port);
};

} // namespace equiscope
