#include "launch/sweepdialog.h"

#include "launch/methodregistry.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace equiscope {

namespace {

QStringList splitValues(const QString &text)
{
    QStringList values;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            values.append(part.trimmed());
    return values;
}

} // namespace

SweepDialog::SweepDialog(const FareConfig &base, QWidget *parent) : QDialog(parent), m_base(base)
{
    setWindowTitle(tr("Sweep builder"));
    m_first = new QComboBox;
    m_first->setAccessibleName(tr("First hyper-parameter"));
    m_second = new QComboBox;
    m_second->setAccessibleName(tr("Second hyper-parameter"));
    m_second->addItem(tr("(none)"), QString());
    const QList<QPair<QString, QString>> general{
        {tr("Learning rate"), QStringLiteral("learningRate")},
        {tr("Batch size"), QStringLiteral("batchSize")},
        {tr("Epochs"), QStringLiteral("epochs")},
        {tr("Weight decay"), QStringLiteral("weightDecay")}};
    for (const auto &p : general) {
        m_first->addItem(p.first, p.second);
        m_second->addItem(p.first, p.second);
    }
    if (const MethodInfo *info =
            MethodRegistry::instance().method(lossMethodName(base.loss.method))) {
        for (const MethodOption &o : info->options) {
            if (o.kind == MethodOption::Kind::Real || o.kind == MethodOption::Kind::Integer) {
                m_first->addItem(o.label, o.key);
                m_second->addItem(o.label, o.key);
            }
        }
    }
    m_firstValues = new QLineEdit;
    m_firstValues->setAccessibleName(tr("First values"));
    m_firstValues->setPlaceholderText(tr("e.g. 0.001, 0.0003"));
    m_secondValues = new QLineEdit;
    m_secondValues->setAccessibleName(tr("Second values"));
    m_seeds = new QLineEdit(QString::number(base.seed));
    m_seeds->setAccessibleName(tr("Seeds"));
    m_seeds->setToolTip(tr("Comma-separated seeds; every grid point runs once per seed."));
    m_count = new QLabel;

    auto *form = new QFormLayout;
    form->addRow(tr("&Parameter 1:"), m_first);
    form->addRow(tr("&Values 1:"), m_firstValues);
    form->addRow(tr("P&arameter 2:"), m_second);
    form->addRow(tr("Va&lues 2:"), m_secondValues);
    form->addRow(tr("&Seeds:"), m_seeds);
    form->addRow(QString(), m_count);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Queue runs"));
    // Outside the workbench: N local processes or a Slurm job array (docs/guide/scaling-out.md).
    m_export = m_buttons->addButton(tr("&Export…"), QDialogButtonBox::ActionRole);
    m_export->setToolTip(tr("Write the runs as a sweep folder for 'equiscope-cli sweep run', here "
                            "or on a Slurm cluster."));
    connect(m_export, &QPushButton::clicked, this, &SweepDialog::exportSweep);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    for (QLineEdit *edit : {m_firstValues, m_secondValues, m_seeds})
        connect(edit, &QLineEdit::textChanged, this, &SweepDialog::update);
    connect(m_first, &QComboBox::currentIndexChanged, this, &SweepDialog::update);
    connect(m_second, &QComboBox::currentIndexChanged, this, &SweepDialog::update);
    update();
}

void SweepDialog::setGrid(const QString &first, const QString &firstValues, const QString &second,
                          const QString &secondValues, const QString &seeds)
{
    m_first->setCurrentIndex(std::max(0, m_first->findData(first)));
    m_firstValues->setText(firstValues);
    m_second->setCurrentIndex(std::max(0, m_second->findData(second)));
    m_secondValues->setText(secondValues);
    m_seeds->setText(seeds);
    update();
}

std::optional<SweepPlan> SweepDialog::plan(QString *error) const
{
    const QString firstKey = m_first->currentData().toString();
    const QString secondKey = m_second->currentData().toString();
    const QStringList firstValues = splitValues(m_firstValues->text());
    const QStringList secondValues = splitValues(m_secondValues->text());
    const QStringList seeds = splitValues(m_seeds->text());
    if (firstValues.isEmpty() || (!secondKey.isEmpty() && secondValues.isEmpty()) ||
        seeds.isEmpty()) {
        *error = tr("Enter comma-separated values and at least one seed.");
        return std::nullopt;
    }
    for (const QString &s : seeds) {
        bool ok = false;
        s.toULongLong(&ok);
        if (!ok) {
            *error = tr("Seed '%1' is not a non-negative integer.").arg(s);
            return std::nullopt;
        }
    }
    QList<SweepAxis> axes{{firstKey, firstValues}};
    if (!secondKey.isEmpty())
        axes.append({secondKey, secondValues});
    auto plan = SweepPlan::create(m_base.toJson(), axes, seeds);
    if (!plan) {
        *error = plan.error().toString();
        return std::nullopt;
    }
    return plan.value();
}

QList<FareConfig> SweepDialog::build(QString *error) const
{
    const auto grid = plan(error);
    if (!grid)
        return {};
    QList<FareConfig> runs;
    for (const SweepPlan::Point &point : grid->points()) {
        auto config = FareConfig::fromJson(point.config);
        if (!config) {
            *error = config.error().toString();
            return {};
        }
        runs.append(config.value());
    }
    return runs;
}

QString SweepDialog::exportTo(const QString &dir) const
{
    QString error;
    const auto grid = plan(&error);
    if (!grid)
        return error;
    auto written = grid->write(dir);
    return written ? QString() : written.error().toString();
}

void SweepDialog::exportSweep()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Export the sweep to an empty folder"), QDir::homePath());
    if (dir.isEmpty())
        return;
    const QString error = exportTo(dir);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Export sweep"), error);
        return;
    }
    QMessageBox::information(
        this, tr("Export sweep"),
        tr("Wrote %n run config(s) to %1.\n\nRun them on this machine with\n"
           "  equiscope-cli sweep run %1 --local 2\nor on a Slurm cluster with\n"
           "  equiscope-cli sweep run %1 --slurm --time 02:00:00\n"
           "and merge their results with\n  equiscope-cli sweep collect %1",
           nullptr, int(configs().size()))
            .arg(QDir::toNativeSeparators(dir)));
}

QList<FareConfig> SweepDialog::configs() const
{
    QString error;
    return build(&error);
}

void SweepDialog::update()
{
    m_secondValues->setEnabled(!m_second->currentData().toString().isEmpty());
    m_error.clear();
    const QList<FareConfig> runs = build(&m_error);
    m_count->setText(m_error.isEmpty() ? tr("%n run(s) will be queued.", nullptr, int(runs.size()))
                                       : m_error);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_error.isEmpty() && !runs.isEmpty());
    m_export->setEnabled(m_error.isEmpty() && !runs.isEmpty());
}

} // namespace equiscope
