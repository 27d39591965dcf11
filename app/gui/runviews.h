#pragma once
// `--view` names that show a finished run's analysis (for screenshots and demos), on top of the
// pages MainWindow::showView() knows.

#include <QString>

#include <functional>

namespace equiscope {

class MainWindow;

/// attention, saliency, embedding, embedding-tsne, metrics, curves, pareto, compare-runs,
/// clustering, cross-attention.
bool isRunView(const QString &name);
/// Shows run view @p name for the newest finished run of the window's store that has it (the
/// Pareto front and the comparison of up to four finished runs for pareto and compare-runs) and
/// calls @p ready once it is drawn, or after 60 s at the latest.
void showRunView(MainWindow &window, const QString &name, const std::function<void()> &ready);

} // namespace equiscope
