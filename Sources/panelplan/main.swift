import PanelPlanCLI

PanelPlanCommand.main()
