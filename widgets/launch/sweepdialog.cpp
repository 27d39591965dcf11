#include "launch/sweepdialog.h"

#include "launch/methodregistry.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
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

bool SweepDialog::applyParameter(FareConfig &c, const QString &key, const QString &value,
                                 QString *error)
{
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (!ok) {
        *error = tr("'%1' is not a number.").arg(value);
        return false;
    }
    if (key == QLatin1String("learningRate"))
        c.learningRate = number;
    else if (key == QLatin1String("weightDecay"))
        c.weightDecay = number;
    else if (key == QLatin1String("batchSize"))
        c.batchSize = int(number);
    else if (key == QLatin1String("epochs"))
        c.epochs = int(number);
    else {
        const auto loss = c.loss.withOption(key, value);
        if (!loss) {
            *error = loss.error().toString();
            return false;
        }
        c.loss = loss.value();
    }
    return true;
}

QList<FareConfig> SweepDialog::build(QString *error) const
{
    const QString firstKey = m_first->currentData().toString();
    const QString secondKey = m_second->currentData().toString();
    const QStringList firstValues = splitValues(m_firstValues->text());
    const QStringList secondValues =
        secondKey.isEmpty() ? QStringList{QString()} : splitValues(m_secondValues->text());
    const QStringList seeds = splitValues(m_seeds->text());
    if (firstValues.isEmpty() || secondValues.isEmpty() || seeds.isEmpty()) {
        *error = tr("Enter comma-separated values and at least one seed.");
        return {};
    }
    QList<FareConfig> runs;
    for (const QString &a : firstValues) {
        for (const QString &b : secondValues) {
            for (const QString &s : seeds) {
                FareConfig c = m_base;
                if (!applyParameter(c, firstKey, a, error))
                    return {};
                if (!secondKey.isEmpty() && !applyParameter(c, secondKey, b, error))
                    return {};
                bool ok = false;
                c.seed = s.toULongLong(&ok);
                if (!ok) {
                    *error = tr("Seed '%1' is not a non-negative integer.").arg(s);
                    return {};
                }
                QString name = QStringLiteral("%1 %2=%3").arg(m_base.name, firstKey, a);
                if (!secondKey.isEmpty())
                    name += QStringLiteral(" %1=%2").arg(secondKey, b);
                c.name = name + QStringLiteral(" seed=%1").arg(s);
                const auto valid = c.validate();
                if (!valid) {
                    *error = valid.error().toString();
                    return {};
                }
                runs.append(c);
            }
        }
    }
    return runs;
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
}

} // namespace equiscope
