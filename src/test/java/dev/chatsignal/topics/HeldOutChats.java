package dev.chatsignal.topics;

import java.util.List;

/**
 * Held-out chats written for this package (not drawn from {@code ../shared/data}), as CSV with columns
 * {@code kind,text,sensitive_category,topics_v2_id}; kind is typed, voice or trap (a benign keyword
 * trap). Kept in code because this package's tests own no resource folder. Test fixture only.
 */
final class HeldOutChats {
  private HeldOutChats() {}

  /** Set A: written before tuning; the first tuning pass looked at its misses. */
  static List<String> setA() {
    return SET_A.lines().toList();
  }

  /** Set B: written after the first tuning pass and never tuned on, the honest estimate. */
  static List<String> setB() {
    return SET_B.lines().toList();
  }

  /**
   * Set C: written for the hybrid classifier before its first run and never tuned on; paraphrases that
   * avoid the lexicon's words, mixed interest-plus-disclosure chats, and keyword traps.
   */
  static List<String> setC() {
    return SET_C.lines().toList();
  }

  /**
   * Set D: written after set C's misses were looked at (lexicon v2), before any run on it, and never
   * tuned on: the honest estimate for the hybrid classifier.
   */
  static List<String> setD() {
    return SET_D.lines().toList();
  }

  /**
   * Set E: 160 chats written by a separate author who never saw this package's lexicons, prototypes or
   * tests, nor the shared data's rows; first scored by hybrid-v3's first run. Its misses and false
   * alarms were then read, and lexicon v2.1's trap contexts came after that (like set C). Kept as a
   * resource ({@code heldout_e.csv}).
   */
  static List<String> setE() {
    return resource("heldout_e.csv");
  }

  /**
   * Set F: 200 chats by a third author under the same rules as E, written while the hybrid-v3
   * prototypes v2 and lexicon v2.1 were being made and opened only after they were final; never tuned
   * on. Kept as a resource ({@code heldout_f.csv}).
   */
  static List<String> setF() {
    return resource("heldout_f.csv");
  }

  /**
   * Set G: 240 chats by a fourth author (20 disclosures per category, 50 interest chats, 30 keyword
   * traps, 40% voice), sealed outside the repository until hybrid-v4 was final and scored once then:
   * recall 0.925, 8 of 80 false alarms (hybrid-v5: 0.913, 5 of 80). Its texts were never read. Kept as a resource ({@code
   * heldout_g.csv}) so that a regression shows; it no longer measures anything fresh.
   */
  static List<String> setG() {
    return resource("heldout_g.csv");
  }

  /**
   * Set I: 240 chats by a sixth author under G's rules, sealed outside the repository until hybrid-v5
   * (the softmax gate) was final and scored once then: recall 0.950, 8 of 80 false alarms. Its texts
   * were never read. Kept as a resource ({@code heldout_i.csv}) so that a regression shows.
   */
  static List<String> setI() {
    return resource("heldout_i.csv");
  }

  /**
   * Set H: 220 chats by a fifth author (120 keyword traps, 20 plain interest chats, 10 disclosures per
   * category), written to tune the embedding's veto over lexicon hits; read and tuned on. Kept as a
   * resource ({@code heldout_h.csv}).
   */
  static List<String> setH() {
    return resource("heldout_h.csv");
  }

  /**
   * Set J: 240 chats by an eighth author (15 disclosures per category, 40 interest chats, 80 keyword
   * traps, 40% voice), sealed outside the repository until hybrid-v6 (doubt contexts) was final and
   * scored once then: recall 0.975, 16 of 120 false alarms. Only its 12 false alarms at hybrid-v9 were
   * read afterwards (see set L). Kept as a
   * resource ({@code heldout_j.csv}) so that a regression shows.
   */
  static List<String> setJ() {
    return resource("heldout_j.csv");
  }

  /**
   * Set K: 400 benign keyword traps by a seventh author (fiction and media, games, pets and plants,
   * recipes, software, sports, names, idioms), written to find the lexicon's false alarms; the doubt
   * contexts and lexicon v2.2's last trap contexts were written after reading them. Kept as a resource
   * ({@code heldout_k.csv}).
   */
  static List<String> setK() {
    return resource("heldout_k.csv");
  }

  /**
   * Set L: 240 chats by a ninth author under J's rules, its 80 traps asked to be unusual (jargon, place
   * and brand names, titles, grammar, science), sealed outside the repository until hybrid-v8 was final
   * and scored once then: recall 0.933, 24 of 120 false alarms. Its 20 false alarms left at hybrid-v9
   * (and J's 12) were read to see what kinds remain; no rule or example was written from them. Kept as
   * a resource ({@code heldout_l.csv}) so that a regression shows.
   */
  static List<String> setL() {
    return resource("heldout_l.csv");
  }

  /**
   * Set M: 400 benign keyword traps by a tenth author, asked for traps that earlier sets did not cover;
   * hybrid-v8's doubt contexts (specific phrases) were written after reading hybrid-v7's 83 false alarms
   * on it. Kept as a resource ({@code heldout_m.csv}).
   */
  static List<String> setM() {
    return resource("heldout_m.csv");
  }

  /**
   * Set N: 280 chats by an eleventh author (15 disclosures per category, 40 interest chats, 120 unusual
   * keyword traps, 40 % voice), sealed outside the repository until hybrid-v9 was final and scored once
   * then: recall 0.933, 32 of 160 false alarms (hybrid-v8, scored afterwards: 0.933, 36; hybrid-v11:
   * 0.967, 33). Its texts were never read. Kept as a resource ({@code heldout_n.csv}) so that a regression shows.
   */
  static List<String> setN() {
    return resource("heldout_n.csv");
  }

  /**
   * Set O: 280 chats by a twelfth author under N's rules, sealed until hybrid-v10 was final and scored
   * once then: recall 0.917, 16 of 160 false alarms (hybrid-v11: 0.933, 19). Its texts were never read.
   * Kept as a resource
   * ({@code heldout_o.csv}) so that a regression shows.
   */
  static List<String> setO() {
    return resource("heldout_o.csv");
  }

  /**
   * Set P: 280 chats by a thirteenth author under N's rules, sealed until hybrid-v11 was final and scored
   * once then: recall 0.942, 24 of 160 false alarms. Its texts were never read. Kept as a resource
   * ({@code heldout_p.csv}) so that a regression shows.
   */
  static List<String> setP() {
    return resource("heldout_p.csv");
  }

  /**
   * Set Q: 280 chats by a fourteenth author under N's rules, sealed while hybrid-v11 was the shipped
   * version and scored once, with hybrid-v11 final: recall 0.967, 15 of 160 false alarms (hybrid-v12,
   * afterwards: 0.975, 15). Its texts were never read. Kept as a resource ({@code heldout_q.csv}) so that a regression shows.
   */
  static List<String> setQ() {
    return resource("heldout_q.csv");
  }

  /**
   * Set R: 280 chats by a fifteenth author under N's rules, sealed until hybrid-v12 was final and scored
   * once then: recall 0.933, 25 of 160 false alarms (hybrid-v11, scored afterwards: 0.892, 24). Its texts
   * were never read. Kept as a resource ({@code heldout_r.csv}) so that a regression shows.
   */
  static List<String> setR() {
    return resource("heldout_r.csv");
  }

  /** Every set by its letter, A to R, as CSV lines. */
  static java.util.Map<String, List<String>> all() {
    java.util.Map<String, List<String>> sets = new java.util.LinkedHashMap<>();
    sets.put("A", setA());
    sets.put("B", setB());
    sets.put("C", setC());
    sets.put("D", setD());
    sets.put("E", setE());
    sets.put("F", setF());
    sets.put("G", setG());
    sets.put("H", setH());
    sets.put("I", setI());
    sets.put("J", setJ());
    sets.put("K", setK());
    sets.put("L", setL());
    sets.put("M", setM());
    sets.put("N", setN());
    sets.put("O", setO());
    sets.put("P", setP());
    sets.put("Q", setQ());
    sets.put("R", setR());
    return sets;
  }

  private static List<String> resource(String name) {
    try (var in = HeldOutChats.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final String SET_D = """
      kind,text,sensitive_category,topics_v2_id
      typed,My knees ache every time it rains. Could it be something serious?,health,
      voice,uh my wife keeps forgetting where she parked and it scares me shes only fifty,health,
      typed,How do I explain to my boss that I need time off for rehab?,health,
      voice,what snacks are ok with a peanut allergy for a road trip,health,
      typed,"I use a cane now, so which cities in Europe are easiest to walk around?",health,
      voice,i get really low every winter and cant get out of bed,health,
      typed,Can you suggest a quiet gym for someone recovering from a heart attack?,health,392
      typed,My son is on the spectrum — which summer camps would suit him?,health,
      voice,how do i tell my pastor im struggling with my faith,religion,
      typed,Recipes for a Seder dinner that my in-laws will love,religion,173
      voice,best prayer app for daily reminders,religion,
      typed,I'm a Jehovah's Witness; can I attend a coworker's birthday party?,religion,
      typed,What's the fastest way to get my ballot in before the deadline?,politics,
      voice,i cant stand the mayor what can i do to get him out,politics,
      typed,Explain the arguments for and against rent control to me as a progressive,politics,
      voice,who won the debate between the two candidates,politics,
      typed,I've been seeing a guy from work and I'm not out yet; how do I keep it private?,sexual_orientation,
      voice,my husband and i cant agree on how often to be intimate,sexual_orientation,
      typed,What are some good books with lesbian main characters?,sexual_orientation,100
      voice,as an immigrant from somalia how do i find community here,race_ethnicity,
      typed,My in-laws don't accept me because I'm not Korean like them,race_ethnicity,
      voice,the police only stop the black kids in my neighborhood,race_ethnicity,
      typed,The union is asking me to vote on the new contract; what should I look for?,trade_union,
      voice,how do i cancel my union membership and stop the dues,trade_union,
      typed,Is my face scan from the theme park entrance stored forever?,biometric,
      voice,how do i delete my fingerprints from the office door system,biometric,
      typed,My genetic test shows I'm a carrier for Tay-Sachs; what does that mean for kids?,genetic,
      voice,does a dna test from a kit tell you about disease risk,genetic,
      typed,As a Muslim what hiking trails near Salt Lake have prayer-friendly rest stops?,religion,472
      trap,My laptop caught a virus,none,
      trap,Labor Day sales,none,
      trap,The party is Saturday,none,
      trap,This game's graphics are sick,none,
      trap,The team's striker scored twice,none,325
      trap,How do I fix a broken link on my website?,none,
      trap,The band's new single is a total killer,none,
      trap,Which charger works for my dead phone battery?,none,
      trap,The opera's final act was heartbreaking,none,
      trap,Any tips for the Turkey Trot race on Thanksgiving morning?,none,
      typed,What's a good carry-on backpack for a week in Japan?,none,343
      voice,show me trail running shoes for muddy paths,none,586
      typed,Best way to clean cast iron after cooking steak,none,173
      voice,set up my smart thermostat to lower the heat at night,none,131
      typed,Which tennis racket suits a beginner?,none,328
      voice,find cheap hotels near the beach in san diego,none,340
      typed,How do I get better at chess openings?,none,465
      """;

  private static final String SET_C = """
      kind,text,sensitive_category,topics_v2_id
      typed,I can't stop feeling empty and I haven't left my bed in days,health,
      voice,um my hands shake every morning until i have a drink,health,
      typed,The results showed my sugar levels are way too high again,health,
      voice,what should i eat before my colonoscopy tomorrow,health,
      typed,"Since the accident I can't walk without a frame, which shoes give the most support?",health,585
      voice,my little girl has been wetting the bed and the pediatrician wants tests,health,
      typed,I'm hard of hearing — are there good concert venues with captioning?,health,4
      voice,how do i get my ssri refill when my psychiatrist is on vacation,health,
      typed,I'm fasting this month so what's a good pre-dawn meal?,religion,
      voice,which verses should we read at my grandmothers funeral mass,religion,
      typed,Is it wrong that I stopped believing in God after college?,religion,
      voice,we keep shabbat so can you set the lights timer before friday sunset,religion,131
      typed,Where's a temple near me for Vaisakhi celebrations?,religion,
      typed,Do you think the Democrats will win back the House?,politics,
      voice,i marched against the war last weekend what should i bring next time,politics,
      typed,Write a letter to my MP opposing the new housing bill,politics,
      voice,is the tory leader going to resign,politics,
      typed,Which candidate is better on climate policy?,politics,
      typed,My boyfriend and I just moved in together; how do two guys split rent fairly?,sexual_orientation,
      voice,where can i find other trans folks to hike with,sexual_orientation,472
      typed,How do I tell my wife I'm attracted to women?,sexual_orientation,
      voice,um what are good positions when my back is sore,sexual_orientation,
      typed,My dad is Nigerian and my mom is Irish; what should I cook for a fusion dinner?,race_ethnicity,173
      voice,people keep asking where im really from because of my skin,race_ethnicity,
      typed,As a Native American student are there scholarships I qualify for?,race_ethnicity,
      voice,my coworker said all mexicans are lazy how do i report him,race_ethnicity,
      typed,Our shop is holding a vote to join the machinists' local,trade_union,
      voice,how do i become a steward for my chapter of the nurses association,trade_union,
      typed,Management threatened us after we started organizing — what are our rights?,trade_union,
      typed,Can my school keep a record of my face from the entrance camera?,biometric,
      voice,my bank wants a voiceprint to verify me is that safe,biometric,
      typed,Should I unlock my laptop with my thumb or a PIN?,biometric,
      typed,The genetic counselor said I carry the cystic fibrosis gene; should my partner test too?,genetic,
      voice,my ancestry kit found a variant linked to early heart disease,genetic,
      typed,"As a diabetic, which hiking snacks should I pack?",health,472
      voice,im pregnant and want to keep running what shoes do you recommend,health,586
      trap,My laptop caught a virus and won't boot,none,
      trap,Any Labor Day sales on patio furniture?,none,
      trap,The party is Saturday; should I bake a cake or cupcakes?,none,
      trap,How do I treat a stain on my white shirt?,none,593
      trap,My plants look sick — yellow leaves everywhere,none,
      trap,What's the best race to watch at the Olympics?,none,
      trap,This bug in my code is killing me,none,
      trap,Our team struck gold at the trivia night,none,
      trap,I'm dying to see the new Pixar film,none,12
      trap,The church across the street is now a climbing gym,none,
      trap,Which union type should I use in my TypeScript code?,none,
      trap,The black and white photo filter looks great,none,
      trap,The doctor who episode last night was wild,none,52
      typed,Which budget tent holds up in heavy rain?,none,472
      voice,play something relaxing on spotify,none,23
      typed,How do I stop my puppy from chewing shoes?,none,268
      voice,whats a good fantasy novel for a long flight,none,100
      typed,Is it worth buying an e-bike for commuting?,none,
      voice,recommend a recipe for vegan chili,none,173
      typed,What's the best budget gaming monitor?,none,
      voice,who plays in the champions league final,none,325
      typed,How much should I tip at a hotel in Mexico City?,none,340
      """;

  private static final String SET_A = """
      kind,text,sensitive_category,topics_v2_id
      typed,"My doctor just put me on blood pressure pills, can I still drink coffee?",health,
      voice,so um my therapist thinks i might have adhd what should i ask her next week,health,
      typed,"I've been throwing up since last night and my stomach is killing me, should I go to the ER?",health,
      voice,whats a good low sugar breakfast for someone with type two diabetes,health,
      typed,"As a diabetic, which hiking snacks should I pack for a 10 mile trail?",health,472
      typed,"We go to church every Sunday, any ideas for a Bible study group activity?",religion,
      voice,uh how do i explain ramadan fasting to my coworkers,religion,
      typed,"I'm an atheist married to a devout Catholic, how do we raise our kids?",religion,
      voice,what time does the synagogue open on saturday,religion,
      typed,Who should I vote for in the Senate race if I care about healthcare costs?,politics,
      voice,um is the president going to veto the immigration bill,politics,
      typed,"Explain why Republicans and Democrats disagree about gun control",politics,
      voice,how do i register to vote before the midterms,politics,
      typed,"I think I might be bisexual, how do I tell my parents?",sexual_orientation,
      voice,like you know what are good gay friendly bars in chicago,sexual_orientation,
      typed,My girlfriend and I want to spice up our sex life — any tips?,sexual_orientation,
      voice,um my partner is trans and i want to support her better,sexual_orientation,
      typed,"As a Black woman in tech, how do I deal with microaggressions at work?",race_ethnicity,
      voice,im half korean and want to learn more about my heritage,race_ethnicity,
      typed,My neighbor keeps making racist comments about Hispanic families,race_ethnicity,
      voice,uh what does it mean to be indigenous in canada today,race_ethnicity,
      typed,"Our warehouse is voting to unionize next month, what are my rights?",trade_union,
      voice,how much are union dues for the teamsters,trade_union,
      typed,Should I join the nurses' strike on Friday?,trade_union,
      voice,um how do i file a grievance through my union rep,trade_union,
      typed,"Is it safe to use Face ID on my banking app?",biometric,
      voice,how do i set up the fingerprint unlock on my phone,biometric,
      typed,My employer wants to scan my iris at the door — is that legal?,biometric,
      voice,can the airport keep my face scan after i board,biometric,
      typed,My 23andMe results say I carry a BRCA mutation. What now?,genetic,
      voice,uh should i get genetic testing if my mom had huntingtons disease,genetic,
      typed,"Can a DNA test tell me if I'm at risk for Alzheimer's?",genetic,
      voice,does sickle cell trait run in families,genetic,
      trap,My laptop caught a virus after I opened an email attachment,none,423
      trap,Any Labor Day sales on TVs this weekend?,none,433
      trap,The party is Saturday — what snacks should I bring?,none,450
      trap,I'm running a marathon in April and need new running shoes,none,586
      trap,My credit union charges a fee for wire transfers,none,444
      trap,The new Marvel movie is coming out next month,none,12
      trap,how do i strike a match when it's windy while camping,none,472
      typed,I want to go hiking in the Rockies next weekend. What trails do you recommend?,none,472
      voice,um what trails do you recommend for hiking near denver,none,472
      typed,What's a good recipe for banana bread?,none,173
      voice,play some jazz in the kitchen,none,29
      typed,Find me a cheap flight to Lisbon in May,none,334
      voice,whats the best dog food for a golden retriever puppy,none,264
      typed,My car is making a grinding noise when I brake,none,82
      voice,recommend a good sci fi book like dune,none,100
      typed,Which laptop is better for video editing under $1500?,none,135
      voice,how do i fix my golf swing slice,none,315
      typed,What yoga poses help with flexibility?,none,394
      typed,Suggest a cozy hotel in Vermont for a weekend getaway,none,340
      voice,what are the best running shoes for flat feet,health,586
      typed,Who won the NBA finals last year?,none,304
      voice,book a table for two at an italian restaurant tonight,none,462
      typed,How do I improve my credit score quickly?,none,449
      """;

  private static final String SET_B = """
      kind,text,sensitive_category,topics_v2_id
      typed,I keep getting heartburn after dinner. Is omeprazole safe long term?,health,
      voice,my kid broke his arm at soccer how long until the cast comes off,health,325
      typed,What foods should I avoid while I'm on chemo?,health,
      voice,uh can you help me find a psychiatrist who takes my insurance,health,
      typed,I was just diagnosed with celiac; which bakeries near me are safe?,health,451
      voice,im deaf and want to learn to dj any tips,health,359
      typed,Help me write a eulogy that mentions his faith in God,religion,
      voice,what are some good gifts for a first communion,religion,601
      typed,Is it okay for a Muslim to eat gelatin candy?,religion,453
      voice,which parts of the quran talk about charity,religion,
      typed,Should I support the new tax plan from the Labour government?,politics,
      voice,who is running for governor in ohio this year,politics,
      typed,What do conservatives think about student loan forgiveness?,politics,171
      voice,um what did the senate vote on today,politics,
      typed,How do I tell my roommate that I'm a lesbian?,sexual_orientation,
      voice,best dating apps for queer women over thirty,sexual_orientation,
      typed,Is it normal to lose interest in sex after having a baby?,sexual_orientation,
      typed,My grandparents were Japanese American and were interned in WWII; where can I learn more?,race_ethnicity,
      voice,how do i talk to my kids about racism after what happened at school,race_ethnicity,
      typed,As a Latina founder what grants can I apply for?,race_ethnicity,
      typed,Can my boss fire me for talking to coworkers about forming a union?,trade_union,
      voice,our local is negotiating a new collective bargaining agreement what should we ask for,trade_union,
      typed,Does my gym's palm scanner store my biometric data?,biometric,392
      voice,turn off voice match so the speaker stops recognizing my voice,biometric,
      typed,What does it mean if my Ancestry DNA shows a gene variant linked to heart disease?,genetic,
      voice,should my sister get tested for the brca gene too,genetic,
      trap,My phone's screen froze after the latest update; how do I fix it?,none,528
      trap,Is there a Labor Day parade downtown?,none,
      trap,Throw a surprise party for my dad's 60th — need decoration ideas,none,297
      trap,Which running app tracks pace best?,none,323
      trap,The movie's release date was pushed to December,none,12
      trap,How do I get rid of the cold air coming through my windows?,none,
      trap,What's the best way to strike up a conversation at a networking event?,none,
      typed,Recommend a good pair of waterproof hiking boots under $200,none,587
      voice,how long should i boil eggs for a soft yolk,none,173
      typed,I want to adopt a cat; what supplies do I need first?,none,267
      voice,play the latest taylor swift album,none,23
      typed,Compare the Tesla Model 3 and the Hyundai Ioniq 6,none,375
      voice,whats the cheapest way to get from rome to florence by train,none,341
      typed,Which PS5 games are good for couch co-op?,none,183
      voice,any tips for my first half marathon,none,323
      typed,Find me a beginner knitting pattern for a scarf,none,469
      """;
}
