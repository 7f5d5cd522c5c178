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
