#pragma once

#include <QList>

namespace equiscope {

class JobQueue;
class LauncherForm;

/// One launcher form per registered family that has one, in the registry's order: a family's
/// GUI form is one line in launcherforms.cpp.
QList<LauncherForm *> createLauncherForms(JobQueue *queue);

} // namespace equiscope
