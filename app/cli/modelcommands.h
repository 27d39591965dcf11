#pragma once

#include <QStringList>

namespace equiscope::cli {

/// `equiscope-cli export-model RUN --out DIR [--store PATH]`.
int runExportModelCommand(const QStringList &arguments);
/// `equiscope-cli evaluate-model DIR --dataset PATH --format FORMAT [--target T] [--sensitive S]`.
int runEvaluateModelCommand(const QStringList &arguments);
/// `equiscope-cli export-embeddings RUN --split train|val|test --out DIR [--limit N]`.
int runExportEmbeddingsCommand(const QStringList &arguments);

} // namespace equiscope::cli
