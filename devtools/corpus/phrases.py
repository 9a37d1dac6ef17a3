"""Word banks: findings, responses, body paragraphs and page noise for synthetic letters.

Body paragraphs use ordinary English ("good progress", "outstanding commitment") the way real
letters do, but never a grade in quotes, a count of findings, a full date or another force's
name: those are the facts the truth records, so only the layouts write them. Nothing here says
"adequate", which only the five-point scale (2021 onwards) may put in a letter.
"""

AFI_TEXTS = (
    "The force needs to attend calls for service in line with its published attendance times "
    "and make sure the caller is updated if there are delays.",
    "The force needs to make sure it records the structured triage approach accurately.",
    "The force needs to provide appropriate evidence preservation advice to victims of crime.",
    "{force} needs to consistently achieve appropriate outcomes for victims.",
    "The force needs to make sure it assesses the needs of all victims so they can be properly "
    "supported.",
    "The force needs to make sure it assigns outcomes appropriately, to comply with policies and "
    "lead to satisfactory results for victims.",
    "The force needs to make sure processes are in place to proactively monitor protective "
    "orders and bail conditions.",
    "The force must improve its review of risk assessments for standard risk domestic abuse "
    "incidents so these are accurate and involve timely referrals to support.",
    "The force should make sure it is effective at managing demand and can show it has the right "
    "resources, structures and processes in place to meet demand across the force.",
    "The force should reduce the number of acting or temporary managers it employs.",
    "The force should make sure it answers emergency and non-emergency calls within national "
    "standards.",
    "The force should improve the quality of investigation plans and make sure they are "
    "regularly reviewed by supervisors.",
    "The force should make sure that victims' views are recorded when deciding the outcome of "
    "an investigation.",
    "The force should make sure it has an effective process for checking that officers and "
    "staff have up-to-date vetting.",
    "The force should improve how it identifies and records the vulnerability of victims at "
    "first contact.",
    "The force should make sure it understands the wellbeing needs of its workforce and acts on "
    "what it finds.",
    "The force should make sure its frontline supervisors have the time and training to carry "
    "out their role effectively.",
    "{force} should improve how it records and monitors the use of stop and search, including "
    "the reasonable grounds recorded by officers.",
    "The force should make sure that it complies with the Victims' Code of Practice, including "
    "the completion of victim needs assessments.",
    "The force should improve its understanding of the demand it faces from missing children and "
    "share information with partners promptly.",
    "The force should make sure it manages registered sex offenders in line with authorised "
    "professional practice, including timely visits.",
    "The force should improve the timeliness of its digital forensic examinations so that "
    "investigations are not delayed.",
    "The force should make sure that its neighbourhood teams have the time to carry out "
    "problem-solving work with partners.",
    "{force} should make sure it evaluates its crime prevention activity and shares what works.",
    "The force should improve its use of data to understand the diversity of its workforce and "
    "address any disproportionality in its processes.",
    "The force should make sure that its counter-corruption unit has the capacity to assess all "
    "intelligence it receives.",
    "The force should make sure that its workforce plans are matched to its financial plans and "
    "that they consider the skills it will need in future.",
    "The force should review how it allocates investigations so that they are given to "
    "investigators with the right skills and experience.",
    "The force should improve how it records equality data when officers use force.",
    "The force should make sure it seeks and acts on feedback from the communities it serves, "
    "including those that are less likely to engage with the police.",
    "The force should make sure that all crimes reported to it are recorded within 24 hours of "
    "the report being received.",
    "The force should make sure that reports of crime received from partner agencies are "
    "assessed and recorded promptly.",
    "The force should improve the supervision of its control room so that risk is reassessed "
    "when attendance is delayed.",
    "The force should make sure that officers complete domestic abuse risk assessments at the "
    "scene and that these are reviewed by trained staff.",
    "{force} should make sure that it uses all available powers, including protective orders, "
    "to safeguard victims of domestic abuse.",
    "The force should make sure that its use of out-of-court disposals is appropriate and "
    "regularly scrutinised.",
    "The force should improve how it identifies and manages the risk posed by people wanted for "
    "offences.",
    "The force should make sure it understands and monitors the health and wellbeing of staff "
    "in high-risk roles.",
    "The force should make sure that its professional standards department has enough trained "
    "investigators to deal with complaints promptly.",
    "The force should make sure that it has an effective plan for financial savings beyond the "
    "current year.",
)

CAUSES_OF_CONCERN = (
    (
        "{force} does not answer emergency and non-emergency calls quickly enough, and it does "
        "not always identify vulnerability and repeat victims at the first point of contact.",
        "Within six months, the force should make sure that it has enough trained call handlers "
        "to meet national standards for answering calls.",
    ),
    (
        "The force does not have effective oversight of how it manages the risk posed by "
        "registered sex offenders.",
        "Within six months, the force should reduce the number of overdue risk assessments and "
        "visits to registered sex offenders.",
    ),
    (
        "The force is not consistently providing victims with a good service when investigating "
        "crime.",
        "Within three months, the force should make sure that investigations are allocated to "
        "appropriately trained officers and are effectively supervised.",
    ),
    (
        "{force} is not doing enough to safeguard vulnerable children who go missing.",
        "Within three months, the force should review its response to missing children and make "
        "sure that risk is assessed and reviewed by trained supervisors.",
    ),
    (
        "The force does not have a good enough understanding of the demand it faces, and it "
        "cannot show that its resources are allocated to meet it.",
        "Within six months, the force should complete a comprehensive assessment of demand and "
        "use it to plan its workforce.",
    ),
)

RECOMMENDATIONS = (
    "Chief constables should make sure that their forces comply with the statutory guidance on "
    "vetting, and that vetting decisions are recorded with their reasons.",
    "Chief constables should review their forces' arrangements for the management of "
    "registered sex offenders and make sure that risk is assessed promptly.",
    "Chief constables should make sure that victims of domestic abuse receive a timely response "
    "and that risk is assessed by trained officers and staff.",
    "Chief constables should make sure that all officers and staff receive training in the "
    "identification of vulnerability.",
    "Chief constables and police and crime commissioners should work with partners to make sure "
    "that people in mental health crisis receive care from the right agency.",
    "Chief constables should make sure that their forces record and publish data on the use of "
    "force, including the ethnicity of the people involved.",
    "Chief constables should make sure that reports of stalking and harassment are recorded "
    "correctly and that victims are given the protection the law allows.",
    "Chief constables should make sure that their forces have enough trained investigators to "
    "investigate online offending.",
    "Police and crime commissioners should make sure that victim services are commissioned on "
    "the basis of a good understanding of local need.",
    "Chief constables should make sure that allegations of misconduct involving misogyny are "
    "investigated by trained officers and that the outcome is communicated to the complainant.",
    "Chief constables should evaluate their crime prevention activity and share what works with "
    "the College of Policing.",
    "Chief constables should make sure that their neighbourhood officers are not routinely "
    "taken away from their communities to fill gaps elsewhere.",
)

RESPONSES = (
    "Learning is being embedded from the summer demand management model, which includes "
    "reviewing all trigger plans to reduce unattended demand.",
    "A revised shift pattern for the contact centre came into effect this winter, aligning staff "
    "to peaks in demand.",
    "Response officers have been realigned to three hubs, and a daily review of outstanding "
    "incidents is chaired by the duty superintendent.",
    "An investigation plan template has been introduced within the records management system, "
    "and compliance is checked through monthly dip-sampling.",
    "Guidance has been issued to all investigators and the victim's wishes are now a mandatory "
    "field when an outcome is recorded.",
    "All overdue vetting renewals have been allocated and the backlog will be cleared by the end "
    "of the financial year.",
    "A comprehensive victim service review process has been introduced, with officers from "
    "inspector rank and above reviewing a number of crimes each month.",
    "A new bail management meeting has been introduced with representation across the force to "
    "strengthen governance and scrutiny around the process.",
    "The process change has been reviewed with local policing senior managers and a new "
    "supervisory checklist is now in use.",
    "Extensive work is ongoing in respect of the budget build, productivity review and "
    "establishment review, all of which play key parts in understanding our demand.",
    "There is an upcoming promotion process in which a large number of people are eligible to be "
    "promoted, which will reduce the number of temporary posts.",
    "The force has commissioned an independent review, which will report to the chief officer "
    "team in the spring.",
    "A wellbeing survey has been completed and an action plan agreed with staff associations.",
    "Training has been delivered to all contact staff and early audit results show an "
    "improvement, although more work is needed.",
    "Performance against this area is now reported to my monthly accountability board, which "
    "meets in public.",
    "A working group chaired by an assistant chief constable is overseeing the improvement plan "
    "and reports to me every quarter.",
    "The force has recruited additional staff into this function and expects to see the benefit "
    "within the next six months.",
    "My office will review the results of the force's own audit and report on progress in my "
    "annual report.",
)

OPENING_THANKS = (
    "Thank you for your report. I welcome the opportunity to comment on it.",
    "I welcome the findings of this report and the work of the inspection team.",
    "I write to you in response to the report and to set out my comments, as section 55 of the "
    "Police Act 1996 requires.",
    "This response is made under section 55 of the Police Act 1996 and will be published on my "
    "website.",
)

BODY = (
    "I have held the Chief Constable and his team to account on the findings of the report in "
    "line with our Corporate Governance Framework, and I have been receiving regular updates "
    "from the chief officer team on their response.",
    "There is no doubt that the rigorous inspection process you have undertaken has identified "
    "some excellent performance as well as some areas which will need a degree of attention. "
    "Neither the Chief Constable nor I will become complacent.",
    "It has been a difficult and turbulent time for policing over recent years, and I pay "
    "tribute to the officers, staff and volunteers who have shown outstanding commitment to the "
    "communities they serve.",
    "The report reflects the professionalism and dedication of the force's officers, staff and "
    "volunteers. I am grateful to every member of the team for their contribution in making our "
    "streets safer.",
    "I will continue to hold the Chief Constable to account on behalf of the public on this "
    "subject as well as on other aspects of the provision of an effective and efficient police "
    "force.",
    "The force has made good progress since the last inspection, and the direction of travel is "
    "positive. That said, the good work does not end here.",
    "Demand on policing continues to grow, and the force will need to keep finding new ways of "
    "working to keep pace with it. My budget for the coming year continues to invest in "
    "technology, including mobile data for every frontline officer.",
    "I have asked the Chief Constable to report to me on progress at my public accountability "
    "board, and my office will publish the papers on our website.",
    "This is an incredibly difficult time for policing, particularly with the budgetary "
    "pressures being experienced by the force, among others nationally.",
    "HMICFRS visited the force headquarters on the 7th and 8th of January and the progress "
    "reported to me since then has been encouraging.",
    "I have no doubt that the inspection regime continues to evolve and is more forensic than "
    "ever before. The most outstanding and compelling feedback you have provided is about the "
    "evidence-based culture which now exists at all levels.",
    "The findings will be built into my Police and Crime Plan and into the force's own "
    "improvement plan, and I will report on both in my annual report.",
    "Neighbourhood policing remains a priority in our governance framework. We know that police "
    "visibility has a direct link with public confidence.",
    "I am particularly pleased that the force's work with partners to prevent crime has been "
    "recognised, and that officers use their powers fairly and treat the public with respect.",
    "Our victim services are commissioned jointly with the local authorities, and the report's "
    "findings on victim care will inform the next round of commissioning.",
    "Since your previous inspection the force has invested in its control room, in its "
    "investigative capacity and in the training of its first-line supervisors.",
)

THEMATIC_BODY = (
    "I accept the recommendations of the report and have asked the Chief Constable to set out "
    "how the force will respond to each of them.",
    "Many of the issues raised are national in nature, and I will continue to work with the "
    "Association of Police and Crime Commissioners to press for national solutions.",
    "The force has already reviewed its own practice against the findings, and I will receive a "
    "report on that review at my accountability board.",
)

SOP_BODY = (
    "The police funding formula remains a shared frustration for the Chief Constable and me. It "
    "is an outdated system, detrimental to forces facing complex challenges.",
    "Like many forces, ours has a young and inexperienced workforce, with many frontline "
    "officers having less than five years' experience.",
    "Tackling violence against women and girls continues to be an area of priority for my "
    "office, and I have commissioned new services to support victims.",
    "I want to continue to restore confidence among the public that the force employs the right "
    "people to protect and serve.",
)

CUSTODY_BODY = (
    "I welcome the inspectors' finding that detainees are treated with respect and that custody "
    "staff are caring and professional.",
    "My independent custody visitors scheme will continue to visit the custody suites "
    "unannounced, and I will share their reports with the Chief Constable.",
    "The report's findings on the healthcare provided in custody will be taken forward with the "
    "commissioned provider.",
)

CLOSINGS = (
    "I would like to thank you and your team for a thorough and constructive inspection.",
    "Naturally, if you wish to discuss any point in further detail I would be very pleased to do "
    "so.",
    "I am grateful to you and your team for your work.",
    "Finally, I would like to thank you and your team for the feedback the force has been "
    "provided with.",
)

# Lines a scanner or OCR pass leaves behind. None of them reads as a name, date or finding.
OCR_JUNK = (
    "You au, Bail,",
    "~ .. ,; '",
    "l1I| :: ..",
    "\\\\ ~~ —",
    "ﬁ ,, ·",
    "_ _ _",
    "rn ..,",
    "··· ·",
    "',. ~",
)

PAGE_MARKERS = ("Page {n} of {total}", "- {n} -", "{n}", "Page {n}", "{n} | P a g e")

CONTINUED = (">... cont'd", "... cont'd", "cont'd/", "Continued overleaf")

SIGNATURE_DESCRIPTIONS = (
    'A handwritten signature in blue ink, reading "{name}", with a long horizontal line '
    "underneath.",
    "A handwritten signature in blue ink, appearing to read '{name}', with a large circular "
    "flourish on the left.",
    "A handwritten signature in black ink.",
    "[signature]",
    "(Signed)",
    "[Signature redacted]",
)

STRAY_LINES = ("Prof. Hall", "pp", "Sent electronically and therefore unsigned", "O", "/", "Enc.")

NUMBER_WORDS = (
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen",
)  # fmt: skip
